package dev.meshctl.simulator;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one simulator process hosts and how its controllers behave.
 *
 * @param controllers the simulated controllers, each on its own listener
 * @param tls HTTPS with a self-signed certificate per controller (as a real controller), else
 *     plain HTTP
 * @param apiPassword the initial API password of every controller; empty: one generated per
 *     controller, derived from the seed and the controller's name
 * @param timings latency, reboot and background-job durations
 * @param faults faults injected into {@code /api} requests
 * @param seed seeds every random choice (latency jitter, faults, generated passwords)
 * @param stateDir where each controller keeps its configuration across restarts; empty: memory
 * @param addressMap a file mapping addresses of controllers hosted by other simulator processes
 *     to their endpoints (see docs/simulator.md)
 * @param adminPort port of the {@code /_sim/} admin listener on 127.0.0.1: 0 picks a free port, a
 *     negative value disables it
 * @param controllerPasswords initial API passwords of single controllers by name, taking
 *     precedence over {@code apiPassword} (a spec may give each controller its own, e.g. its
 *     instance id on AWS)
 */
public record SimulatorConfig(
    List<SimulatedControllerConfig> controllers,
    boolean tls,
    Optional<String> apiPassword,
    SimTimings timings,
    FaultConfig faults,
    long seed,
    Optional<Path> stateDir,
    Optional<Path> addressMap,
    int adminPort,
    Map<String, String> controllerPasswords) {

  public static final long DEFAULT_SEED = 1L;

  /** Every controller with the shared or generated password. */
  public SimulatorConfig(
      List<SimulatedControllerConfig> controllers,
      boolean tls,
      Optional<String> apiPassword,
      SimTimings timings,
      FaultConfig faults,
      long seed,
      Optional<Path> stateDir,
      Optional<Path> addressMap,
      int adminPort) {
    this(controllers, tls, apiPassword, timings, faults, seed, stateDir, addressMap, adminPort, Map.of());
  }

  public SimulatorConfig {
    controllers = List.copyOf(controllers);
    controllerPasswords = Map.copyOf(controllerPasswords);
    Objects.requireNonNull(apiPassword, "apiPassword");
    Objects.requireNonNull(timings, "timings");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(addressMap, "addressMap");
    Set<String> names = new HashSet<>();
    Set<String> binds = new HashSet<>();
    for (SimulatedControllerConfig c : controllers) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("two simulated controllers are named " + c.name());
      }
      if (c.port() != 0 && !binds.add(c.bindHost() + ":" + c.port())) {
        throw new IllegalArgumentException(
            "two simulated controllers listen on " + c.bindHost() + ":" + c.port());
      }
    }
    apiPassword.ifPresent(SimulatorConfig::checkPassword);
    controllerPasswords.values().forEach(SimulatorConfig::checkPassword);
  }

  private static void checkPassword(String p) {
    if (p.isEmpty() || p.contains(":")) {
      throw new IllegalArgumentException("the API password must be non-empty and contain no ':'");
    }
  }

  /** The initial API password of one controller: its own, the shared one, or one from the seed. */
  public String initialPassword(String controller) {
    String own = controllerPasswords.get(controller);
    return own != null ? own : apiPassword.orElseGet(() -> Passwords.generated(seed, controller));
  }

  /** Never shows the API password. */
  @Override
  public String toString() {
    return "SimulatorConfig[controllers=" + controllers.size() + ", tls=" + tls
        + ", apiPassword=" + apiPassword.map(p -> dev.meshctl.dsl.model.Secret.REDACTED).orElse("(generated)")
        + ", timings=" + timings + ", faults=" + faults + ", seed=" + seed + ", stateDir=" + stateDir
        + ", addressMap=" + addressMap + ", adminPort=" + adminPort
        + ", controllerPasswords=" + (controllerPasswords.isEmpty() ? "none" : controllerPasswords.size() + " " + dev.meshctl.dsl.model.Secret.REDACTED) + "]";
  }

  /**
   * {@code n} controllers named {@code ctl1..ctlN} on {@code bindHost:basePort+i}; controller
   * {@code i} (1-based) has subnet {@code 10.0.i.0/24}, private IP {@code 10.0.i.10} and public IP
   * {@code 198.51.100.i} (for n up to 254; beyond, the third and second octets carry over).
   * Port 0 gives each controller a free port.
   */
  public static SimulatorConfig sequential(int n, String bindHost, int basePort) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one controller, got " + n);
    }
    List<SimulatedControllerConfig> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      int hi = i / 254;
      int lo = i % 254 == 0 ? 254 : i % 254;
      if (i % 254 == 0) {
        hi--;
      }
      String subnetBase = "10." + hi + "." + lo;
      String publicIp = (hi == 0 ? "198.51.100." : "203.0." + (hi % 256) + ".") + lo;
      list.add(
          new SimulatedControllerConfig(
              "ctl" + i,
              bindHost,
              basePort == 0 ? 0 : basePort + i - 1,
              subnetBase + ".10",
              publicIp,
              subnetBase + ".0/24",
              Optional.empty()));
    }
    return defaults(list);
  }

  /**
   * One controller per spec controller, listening at its endpoint's host and port, with the
   * spec's private IP, subnet, public IP (generated when the spec has none) and DNS name. TLS
   * when every endpoint is HTTPS.
   */
  public static SimulatorConfig fromSpec(MeshSpec spec) {
    List<SimulatedControllerConfig> list = new ArrayList<>();
    int i = 0;
    for (ControllerSpec c : spec.controllers()) {
      i++;
      list.add(
          new SimulatedControllerConfig(
              c.name(),
              c.endpoint().host(),
              c.endpoint().port(),
              c.privateIp(),
              c.publicIp().orElse("198.51.100." + Math.min(i, 254)),
              c.subnet(),
              c.dnsName()));
    }
    boolean tls = spec.controllers().stream().allMatch(c -> c.endpoint().tls());
    Map<String, String> passwords = new HashMap<>();
    for (ControllerSpec c : spec.controllers()) {
      c.api().password().ifPresent(p -> passwords.put(c.name(), p.reveal()));
    }
    return defaults(list).withTls(tls).withControllerPasswords(passwords);
  }

  /** Gives single controllers their own initial API password. */
  public SimulatorConfig withControllerPasswords(Map<String, String> passwords) {
    return new SimulatorConfig(controllers, tls, apiPassword, timings, faults, seed, stateDir, addressMap, adminPort, passwords);
  }

  /** The given controllers with every default: TLS, generated passwords, default timings. */
  public static SimulatorConfig defaults(List<SimulatedControllerConfig> controllers) {
    return new SimulatorConfig(
        controllers,
        true,
        Optional.empty(),
        SimTimings.DEFAULTS,
        FaultConfig.NONE,
        DEFAULT_SEED,
        Optional.empty(),
        Optional.empty(),
        0);
  }

  public SimulatorConfig withTls(boolean tls) {
    return new SimulatorConfig(controllers, tls, apiPassword, timings, faults, seed, stateDir, addressMap, adminPort, controllerPasswords);
  }

  public SimulatorConfig withApiPassword(String password) {
    return new SimulatorConfig(controllers, tls, Optional.of(password), timings, faults, seed, stateDir, addressMap, adminPort, controllerPasswords);
  }

  public SimulatorConfig withTimings(SimTimings timings) {
    return new SimulatorConfig(controllers, tls, apiPassword, timings, faults, seed, stateDir, addressMap, adminPort, controllerPasswords);
  }

  public SimulatorConfig withFaults(FaultConfig faults) {
    return new SimulatorConfig(controllers, tls, apiPassword, timings, faults, seed, stateDir, addressMap, adminPort, controllerPasswords);
  }

  public SimulatorConfig withSeed(long seed) {
    return new SimulatorConfig(controllers, tls, apiPassword, timings, faults, seed, stateDir, addressMap, adminPort, controllerPasswords);
  }

  public SimulatorConfig withStateDir(Path dir) {
    return new SimulatorConfig(controllers, tls, apiPassword, timings, faults, seed, Optional.of(dir), addressMap, adminPort, controllerPasswords);
  }

  public SimulatorConfig withAddressMap(Path file) {
    return new SimulatorConfig(controllers, tls, apiPassword, timings, faults, seed, stateDir, Optional.of(file), adminPort, controllerPasswords);
  }

  public SimulatorConfig withAdminPort(int port) {
    return new SimulatorConfig(controllers, tls, apiPassword, timings, faults, seed, stateDir, addressMap, port, controllerPasswords);
  }
}
