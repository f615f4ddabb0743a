package dev.meshctl.engine.lock;

import dev.meshctl.engine.client.Vns3Client;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** The claims kept in custom system variables {@code meshctl_lock_*} of the root controller. */
public final class VariableLeaseStore implements LeaseStore {
  private final Vns3Client root;

  public VariableLeaseStore(Vns3Client root) {
    this.root = root;
  }

  @Override
  public Future<List<Claim>> claims() {
    return root.variables()
        .map(all -> all.entrySet().stream()
            .map(e -> Claim.fromListing(e.getKey(), e.getValue()))
            .flatMap(Optional::stream)
            .toList());
  }

  @Override
  public Future<Void> create(String name, String value) {
    return root.createVariable(name, value);
  }

  @Override
  public Future<Void> delete(Claim claim) {
    // The document does not say whether the path takes the name as created or as listed (with
    // "custom_"): delete both; a name that is not there answers 404, which counts as done.
    Future<Void> asCreated = root.deleteVariable(claim.name());
    return claim.listedAs().equals(claim.name())
        ? asCreated
        : asCreated.compose(v -> root.deleteVariable(claim.listedAs()));
  }

  @Override
  public String where() {
    return "root controller \"" + root.controller() + "\"";
  }

}
