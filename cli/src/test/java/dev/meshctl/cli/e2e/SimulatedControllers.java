package dev.meshctl.cli.e2e;

import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedControllerConfig;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One simulated VNS3 controller per controller in Terraform's outputs, each its own simulator as
 * each is its own machine on AWS: it listens on the controller's public IP (moto hands out
 * addresses in 127.0.0.0/8, which Linux routes to loopback), answers to its instance id as the
 * initial API password, and has the private IP and subnet Terraform reports. They find each other
 * (keyset download, peering) through a shared address map.
 */
final class SimulatedControllers implements AutoCloseable {
  /**
   * Where one controller listens and how meshctl reaches it.
   *
   * @param name its name in examples/aws-peering-mesh/mesh.yaml: {@code <region>-<n>}
   * @param publicIp its Elastic IP from Terraform, the host mesh.yaml gives as endpoint
   * @param bindHost the address it listens on
   * @param port the port it listens on
   * @param password its initial API password: the EC2 instance id, as on AWS
   * @param mapKey the endpoint map key that points meshctl at it, if mesh.yaml's own endpoint
   *     ({@code publicIp:8000}) does not reach it
   */
  record Placement(
      String name,
      String publicIp,
      String privateIp,
      String subnet,
      String dnsName,
      String bindHost,
      int port,
      String password,
      Optional<String> mapKey) {

    String endpoint() {
      return bindHost + ":" + port;
    }
  }

  private final List<Placement> placements;
  private final List<Simulator> simulators;

  private SimulatedControllers(List<Placement> placements, List<Simulator> simulators) {
    this.placements = List.copyOf(placements);
    this.simulators = List.copyOf(simulators);
  }

  /**
   * Decides where each controller of {@code regions} listens. A controller whose name matches
   * {@code viaEndpointMap} listens on 127.0.0.1 on a free port and is mapped by its name; any
   * other listens on its public IP, on port 8000 as a real controller when that port is free
   * there (reached straight from the spec), else on a free port mapped by that public IP.
   */
  static List<Placement> place(List<RegionOutputs> regions, Predicate<String> viaEndpointMap)
      throws IOException {
    List<Placement> out = new ArrayList<>();
    for (RegionOutputs r : regions) {
      for (int i = 0; i < r.controllers(); i++) {
        String name = r.prefix() + "-" + (i + 1);
        String publicIp = r.controllerPublicIps().get(i);
        String bindHost;
        int port;
        Optional<String> mapKey;
        if (viaEndpointMap.test(name) || !InetAddress.getByName(publicIp).isLoopbackAddress()) {
          bindHost = "127.0.0.1";
          port = FreePort.on(bindHost);
          mapKey = Optional.of(name);
        } else if (canListen(publicIp, 8000)) {
          bindHost = publicIp;
          port = 8000;
          mapKey = Optional.empty();
        } else {
          bindHost = publicIp;
          port = FreePort.on(bindHost);
          mapKey = Optional.of(publicIp);
        }
        out.add(
            new Placement(
                name,
                publicIp,
                r.controllerPrivateIps().get(i),
                r.subnetCidrs().get(i),
                r.controllerDnsNames().get(i),
                bindHost,
                port,
                r.controllerInstanceIds().get(i),
                mapKey));
      }
    }
    return out;
  }

  /**
   * Starts the controllers of {@code placements}; writes the simulators' address map and
   * meshctl's endpoint map into {@code dir}.
   */
  static SimulatedControllers start(Vertx vertx, List<Placement> placements, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Path addressMap = dir.resolve("sim-address-map.txt");
    Files.writeString(addressMap, addressMap(placements));
    Files.writeString(dir.resolve("endpoint-map.yaml"), endpointMap(placements));
    List<Simulator> started = new ArrayList<>();
    try {
      for (Placement p : placements) {
        SimulatedControllerConfig controller =
            new SimulatedControllerConfig(
                p.name(), p.bindHost(), p.port(), p.privateIp(), p.publicIp(), p.subnet(), Optional.of(p.dnsName()));
        SimulatorConfig config =
            SimulatorConfig.defaults(List.of(controller))
                .withApiPassword(p.password())
                .withTimings(SimTimings.DEFAULTS)
                .withAddressMap(addressMap)
                .withAdminPort(-1);
        started.add(Simulator.start(vertx, config).await());
      }
      return new SimulatedControllers(placements, started);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  List<Placement> placements() {
    return placements;
  }

  /** The endpoint map meshctl reads, YAML: {@code KEY: host:port} for every mapped controller. */
  static String endpointMap(List<Placement> placements) {
    StringBuilder sb = new StringBuilder("# controller name or spec endpoint host: where it really listens\n");
    for (Placement p : placements) {
      p.mapKey().ifPresent(k -> sb.append('"').append(k).append("\": \"").append(p.endpoint()).append("\"\n"));
    }
    return sb.toString();
  }

  /** The simulators' address map: every address a peer may use, to the endpoint answering it. */
  static String addressMap(List<Placement> placements) {
    StringBuilder sb = new StringBuilder();
    for (Placement p : placements) {
      String url = "https://" + p.endpoint();
      for (String address : List.of(p.privateIp(), p.publicIp(), p.dnsName())) {
        sb.append(address).append(' ').append(url).append('\n');
      }
    }
    return sb.toString();
  }

  private static boolean canListen(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeAll(List<Simulator> started) {
    Future.join(started.stream().map(Simulator::close).toList()).await();
  }

  @Override
  public void close() {
    closeAll(simulators);
  }
}
