package dev.meshctl.engine.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.meshctl.dsl.model.ControllerSpec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock server and one Vert.x per test class; stubs and clients fresh per test. */
abstract class WireMockHarness {
  static WireMockServer wm;
  static Vertx vertx;
  Vns3Client client;

  @BeforeAll
  static void startServers() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
    wm.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopServers() {
    wm.stop();
    Await.result(vertx.close());
  }

  @BeforeEach
  void freshClient() {
    wm.resetAll();
    client = client(TestControllers.http("east-1a", wm.port()));
  }

  @AfterEach
  void closeClient() {
    Await.result(client.close());
  }

  Vns3Client client(ControllerSpec c) {
    return Vns3Clients.create(vertx, c, TestControllers.FAST);
  }

  static final String CONFIG =
      """
      {"response": {"licensed": true, "private_ipaddress": "10.0.1.10", "public_ipaddress": "198.51.100.1",
        "topology_name": "mesh", "controller_name": "east-1a", "topology_checksum": "abc123",
        "manager_id": 1, "vns3_version": "6.0.0", "security_token": "never-shown", "peered": true}}
      """;

  static final String ROUTES =
      """
      {"response": {
        "1": {"id": 1, "cidr": "224.0.0.0/4", "interface": "tun0", "description": "Multicast (auto-added)",
              "advertise": false, "metric": 0, "enabled": true, "editable": false, "netmask": "240.0.0.0"},
        "2": {"id": 2, "cidr": "10.0.2.10/32", "gateway": "10.0.1.1", "interface": "eth0",
              "description": "peer", "advertise": false, "metric": 0, "enabled": true, "editable": true}}}
      """;

  static final String ROUTES_WITHOUT_PEER =
      """
      {"response": {
        "1": {"id": 1, "cidr": "224.0.0.0/4", "interface": "tun0", "description": "Multicast (auto-added)",
              "advertise": false, "metric": 0, "enabled": true, "editable": false}}}
      """;

  static final String PEERING =
      """
      {"response": {"id": 1, "peered": true, "managers": {
        "1": {"id": 1, "self": true, "address": "", "reachable": true, "mtu": "1500"},
        "2": {"id": 2, "address": "10.0.2.10", "reachable": true, "mtu": "1400"},
        "3": {"id": 3, "not_set": true}}}}
      """;

  static final String UNLICENSED =
      """
      {"error": {"name": "PrerequisiteError", "message": "Must be licensed first.", "log": "1"}}
      """;
}
