package dev.meshctl.engine.adopt;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.LiveStateReader;
import dev.meshctl.engine.live.MeshState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code meshctl import}'s I/O: reads every target controller once, all at once, with the same
 * reader diff and plan use, then infers the spec ({@link SpecInference}). Never fails: an
 * unreadable controller is an error diagnostic of the result.
 */
public final class LiveImport {
  private LiveImport() {}

  /** Reads {@code targets} with {@code api} credentials and answers the inferred spec. */
  public static Future<ImportResult> run(
      Vertx vertx, List<ImportTarget> targets, ApiAccess api, ImportOptions options, ClientOptions clientOptions) {
    LiveStateReader reader = new LiveStateReader();
    List<Vns3Client> clients = new ArrayList<>();
    List<Future<ControllerObservation>> reads = new ArrayList<>();
    for (ImportTarget t : targets) {
      // Only the endpoint and credentials matter for reading; the rest is what the read finds out.
      ControllerSpec probe =
          new ControllerSpec(t.name(), t.endpoint(), "", "", Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), api, List.of());
      Vns3Client client = Vns3Clients.create(vertx, probe, clientOptions);
      clients.add(client);
      reads.add(reader.read(probe, client));
    }
    Future<ImportResult> inferred =
        Future.join(reads)
            .compose(
                done -> {
                  SortedMap<String, ControllerObservation> byName = new TreeMap<>();
                  reads.forEach(f -> byName.put(f.result().controller(), f.result()));
                  // Inferring ends in formatting the spec (YAML parsed and printed, its classes
                  // loaded on first use): seconds of CPU on a busy machine, not for an event loop.
                  return vertx.executeBlocking(() -> SpecInference.infer(targets, new MeshState(byName), options));
                });
    return inferred.transform(
        done -> {
          List<Future<Void>> closing = clients.stream().map(Vns3Client::close).toList();
          return Future.join(closing).transform(x -> inferred);
        });
  }
}
