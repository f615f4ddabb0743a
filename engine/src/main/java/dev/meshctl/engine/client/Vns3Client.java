package dev.meshctl.engine.client;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.live.ConfigState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.live.PeeringState;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The REST API of one VNS3 controller, non-blocking. Every call answers a {@code Future} that
 * fails with a {@link Vns3Exception} whose {@link Vns3Error} names the controller and the call.
 *
 * <p>Reads and idempotent writes are retried after transient failures (refused or reset
 * connections, 502/503, timeouts) under the client's {@link RetryPolicy}. Writes that are not
 * idempotent ({@code POST /peering/peers}, {@code POST /routes}) are never repeated blindly: after
 * an ambiguous failure the client re-reads the state and repeats the write only if it did not
 * land. A 4xx answer is never retried.
 *
 * <p>Peer and route writes answer once the controller accepted them. VNS3 answers each of them
 * with its whole peering or route table; those tables grow with the mesh, and decoding one per
 * write was most of the CPU an apply of a large mesh spent, so they are not read: the {@code get}
 * calls read the state.
 */
public interface Vns3Client {

  /** The controller's name in the spec. */
  String controller();

  /** How many requests this client has sent. */
  RequestStats stats();

  /** {@code GET /config}. */
  Future<ConfigState> getConfig();

  /** {@code PUT /config} with the names given; an empty name is left as it is. */
  Future<ConfigState> putConfig(Optional<String> topologyName, Optional<String> controllerName);

  /** {@code PUT /license}: uploads the license text ({@code text/plain}). */
  Future<Void> putLicense(Secret licenseText);

  /** {@code GET /license}. */
  Future<LicenseState> getLicense();

  /**
   * {@code PUT /license/parameters}: accepts the license parameters. Irreversible; the
   * controller then reboots, see {@link #awaitReboot(Duration)}.
   */
  Future<Void> putLicenseParameters(LicenseParameters parameters);

  /** {@code GET /keyset}. */
  Future<KeysetState> getKeyset();

  /**
   * {@code PUT /keyset {"token"}}: starts generating the keyset in the background (root
   * controller); answers the job's state, whose {@code startedAt} identifies this attempt.
   */
  Future<KeysetState> generateKeyset(Secret token);

  /**
   * {@code PUT /keyset {"source", "token"}}: starts downloading the keyset from the controller at
   * {@code sourceAddress} in the background.
   */
  Future<KeysetState> fetchKeyset(String sourceAddress, Secret token);

  /** {@code GET /peering}. */
  Future<PeeringState> getPeering();

  /** {@code PUT /peering/self}: gives the controller its peer ID. */
  Future<Void> setPeerId(int id);

  /** {@code POST /peering/peers}: adds controller {@code id} at {@code address} as a peer. */
  Future<Void> createPeer(int id, String address, OptionalInt overlayMtu);

  /** {@code PUT /peering/peers/{id}}: changes the address or MTU of a peer link. */
  Future<Void> updatePeer(int id, String address, OptionalInt overlayMtu);

  /** {@code DELETE /peering/peers/{id}}. */
  Future<Void> deletePeer(int id);

  /** {@code GET /routes}: the whole route table. */
  Future<List<LiveRoute>> getRoutes();

  /** {@code POST /routes}: creates one route. */
  Future<Void> createRoute(RouteRequest route);

  /** {@code DELETE /routes/{id}}. */
  Future<Void> deleteRoute(String id);

  /**
   * {@code PUT /api_password}. Once the controller accepts it, this client uses the new password
   * for every later call.
   */
  Future<Void> setApiPassword(Secret password);

  /** {@code PUT /server {"reboot": true}}; see {@link #awaitReboot(Duration)}. */
  Future<Void> reboot();

  /**
   * Waits for a reboot to go through: first for the API to go down (a refused or timed-out
   * connection; a 502, 503, reset or slow answer is not a reboot), at most the policy's go-down
   * window, then for the policy's number of healthy {@code GET /config} answers. 401 answers are
   * waited through for the policy's unauthorized window, as a booting controller gives them.
   * Fails with a {@link Vns3Error.Timeout} when {@code timeout} runs out, with
   * {@link Vns3Error.Unauthorized} when 401 outlasts the window.
   */
  Future<Void> awaitReboot(Duration timeout);

  /**
   * Waits for a keyset generation or download to finish by polling {@code GET /keyset}.
   *
   * @param previousStartedAt {@code started_at_i} of the attempt being waited for, if known
   * @return the keyset's state once present
   *     <p>Fails with {@link Vns3Error.JobFailed} when the job stops without a keyset (the caller
   *     may {@code PUT /keyset} again), with {@link Vns3Error.Timeout} when {@code timeout} runs
   *     out. Transient failures while polling (the controller may reboot after a download) and 403
   *     answers before the downloaded license applies are waited through.
   */
  Future<KeysetState> awaitKeyset(Duration timeout, Optional<Long> previousStartedAt);

  /**
   * Waits for a keyset download to finish and for the reboot that ends it: {@link #awaitKeyset}
   * within {@code keysetTimeout}, then the reboot (as {@link #awaitReboot}, with the policy's
   * keyset healthy count; already counted as down if the keyset wait saw it go), then the keyset
   * once more on the rebooted controller, both within {@code rebootTimeout}. The vendor's Go
   * client waits the same way after "Keyset already exists." ({@code macros/config.go}).
   */
  Future<KeysetState> awaitDownloadedKeyset(
      Duration keysetTimeout, Duration rebootTimeout, Optional<Long> previousStartedAt);

  /**
   * {@code GET /system/variables}: every variable of every collection, by the name it is listed
   * with (the document leaves open whether a custom variable is listed as created or with the
   * SDK's {@code custom_} prefix). The document lists 403 "Must be licensed first" for it.
   * meshctl keeps its apply lock in custom variables.
   */
  default Future<java.util.Map<String, String>> variables() {
    return Future.failedFuture(new UnsupportedOperationException("custom variables"));
  }

  /**
   * {@code POST /system/variables}: creates {@code name}. Whether a second POST of a name is
   * refused or overwrites is not documented; callers use names no one else writes.
   */
  default Future<Void> createVariable(String name, String value) {
    return Future.failedFuture(new UnsupportedOperationException("custom variables"));
  }

  /** {@code DELETE /system/variables/{name}}; succeeds if there was none. */
  default Future<Void> deleteVariable(String name) {
    return Future.failedFuture(new UnsupportedOperationException("custom variables"));
  }

  /** Releases the client's connections. */
  Future<Void> close();
}
