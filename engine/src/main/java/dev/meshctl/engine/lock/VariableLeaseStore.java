package dev.meshctl.engine.lock;

import dev.meshctl.engine.client.Vns3Client;
import io.vertx.core.Future;
import java.util.Optional;

/** The lease kept in the custom system variable {@value #NAME} of the root controller. */
public final class VariableLeaseStore implements LeaseStore {
  /** The variable's name: VNS3 allows letters, digits and underscores. */
  public static final String NAME = "meshctl_lock";

  private final Vns3Client root;

  public VariableLeaseStore(Vns3Client root) {
    this.root = root;
  }

  @Override
  public Future<Optional<String>> read() {
    return root.getVariable(NAME);
  }

  @Override
  public Future<Void> create(String value) {
    return root.createVariable(NAME, value);
  }

  @Override
  public Future<Void> replace(String value) {
    return root.updateVariable(NAME, value);
  }

  @Override
  public Future<Void> delete() {
    return root.deleteVariable(NAME);
  }

  @Override
  public String where() {
    return "root controller \"" + root.controller() + "\"";
  }
}
