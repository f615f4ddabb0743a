package dev.meshctl.simulator.api;

import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedControllerConfig;
import dev.meshctl.simulator.VariableReading;
import dev.meshctl.simulator.net.MeshReport;
import dev.meshctl.simulator.net.MeshScope;
import dev.meshctl.simulator.state.ControllerData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** What the API handlers need from the simulated appliance they answer for. */
public interface Appliance {
  SimulatedControllerConfig config();

  /** Its configuration; only touched on the simulator's context. */
  ControllerData data();

  SimTimings timings();

  /** How custom variables behave where the evidence is silent. */
  default VariableReading variables() {
    return VariableReading.DEFAULT;
  }

  Vertx vertx();

  /** API tokens (kept in memory: they do not survive a restart of the simulator). */
  TokenStore tokens();

  default Instant now() {
    return Instant.now();
  }

  /** Its configuration changed: persist it and tell the simulated network. */
  void changed();

  /** Reboot after the usual delay (the current answer is still sent). */
  void rebootSoon();

  /**
   * What it sees of the mesh now: which peers are reachable and, for {@link MeshScope#ROUTES},
   * the learned routes.
   */
  Future<MeshReport> mesh(MeshScope scope);

  /**
   * Downloads the keyset (and the licensed configuration) from the controller at {@code source}
   * (a private IP, public IP or DNS name); fails with a reason when it cannot.
   */
  Future<JsonObject> fetchKeyset(String source, String tokenSha256);
}
