package dev.meshctl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed's whole flow, offline: Terraform builds the two peered VPCs and four controllers
 * against moto, its outputs give simulated controllers their addresses, meshctl configures and
 * peers them through {@code ${tf:...}} references and an endpoint map, and Terraform tears it all
 * down again. Needs terraform, moto_server and a local mirror of the AWS provider (see {@link
 * RequiredTool}); takes two minutes on an idle machine, up to six on a busy one (docs/terraform.md).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TerraformToMeshE2EIT {
  private static final Path MODULE_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path EXAMPLE = MODULE_DIR.resolve("../examples/aws-peering-mesh").normalize();
  private static final Path RUN_DIR = MODULE_DIR.resolve("target/e2e-terraform");
  /** Files of a previous local run that must not leak into the copy Terraform works in. */
  private static final Set<String> LOCAL_STATE =
      Set.of(".terraform", ".terraform.lock.hcl", "terraform.tfstate", "terraform.tfstate.backup",
          "terraform.tfvars", "outputs.json");

  private final StepTimer timer = new StepTimer();
  private MotoServer moto;
  private TerraformRun terraformRun;
  private boolean applyStarted;
  private Vertx vertx;
  private SimulatedControllers simulators;

  @Test
  void terraformOutputsDriveAMeshOfSimulatedControllers() throws Exception {
    Path terraform = RequiredTool.TERRAFORM.require();
    Path motoServer = RequiredTool.MOTO_SERVER.require();
    Path mirror =
        ProviderMirror.find(System.getenv())
            .orElseGet(
                () ->
                    RequiredTool.missing(
                        "no Terraform provider mirror holding " + ProviderMirror.AWS_PROVIDER
                            + " in any of " + ProviderMirror.candidates(System.getenv())
                            + ": set TF_PLUGIN_MIRROR to one, e.g. after `terraform providers mirror DIR`"
                            + " in examples/aws-peering-mesh"));
    Path workDir = freshCopyOfExample();
    Path logDir = RUN_DIR.resolve("logs");

    timer.time("1. start moto_server", () -> moto = MotoServer.start(motoServer, RUN_DIR, logDir.resolve("moto.log")));
    terraformRun = TerraformRun.against(terraform, workDir, mirror, terraformVars(moto.url()), logDir);
    timer.time("2. terraform init", terraformRun::init);
    applyStarted = true;
    timer.time("2. terraform apply", terraformRun::apply);
    Path outputsFile = workDir.resolve("outputs.json");
    timer.time("3. terraform output -json", () -> terraformRun.outputJson(outputsFile));
    JsonObject outputs = new JsonObject(Files.readString(outputsFile));
    RegionOutputs east = RegionOutputs.read(outputs, "east");
    RegionOutputs west = RegionOutputs.read(outputs, "west");
    assertSeedTopology(east, "10.0.1.0/24", List.of("10.0.1.0/25", "10.0.1.128/25"), List.of("10.0.1.10", "10.0.1.140"));
    assertSeedTopology(west, "10.0.2.0/24", List.of("10.0.2.0/25", "10.0.2.128/25"), List.of("10.0.2.10", "10.0.2.140"));

    Ec2Query ec2 = new Ec2Query(moto.url());
    String peering = outputs.getJsonObject("vpc_peering_connection_id").getString("value");
    assertNetwork(ec2, "us-east-1", east, west, peering);
    assertNetwork(ec2, "us-west-2", west, east, peering);

    // The west controllers always go through the endpoint map (by name, on 127.0.0.1); the east
    // ones listen on Terraform's own public IPs, so the spec reaches them unmapped.
    List<SimulatedControllers.Placement> placements =
        SimulatedControllers.place(List.of(east, west), name -> name.startsWith("west-"));
    timer.time("3. start 4 simulated controllers", () -> {
      vertx = Vertx.vertx();
      simulators = SimulatedControllers.start(vertx, placements, workDir);
    });
    Files.writeString(workDir.resolve("license.lic"), SimLicense.issue(placements.size()).text());
    Meshctl meshctl = new Meshctl(workDir, Map.of("MESH_KEYSET_TOKEN", "e2e-keyset-token-" + System.nanoTime()), logDir);
    try (MeshProbe probe = new MeshProbe(vertx)) {
      assertFalse(probe.problems(placements).isEmpty(), "fresh controllers must not already route");
      timer.time("4. meshctl diff before apply", () -> {
        int code = meshctl.run("diff-before", "diff", "--detailed-exitcode", "--no-color", "--endpoint-map", "endpoint-map.yaml", "mesh.yaml");
        assertEquals(2, code, "meshctl diff on fresh controllers must find changes\n" + meshctl.tail("diff-before"));
      });
      timer.time("4. meshctl apply --auto-approve", () -> {
        int code = meshctl.run("apply", "apply", "--auto-approve", "--no-color", "--endpoint-map", "endpoint-map.yaml", "mesh.yaml");
        assertEquals(0, code, "meshctl apply\n" + meshctl.tail("apply"));
      });
      timer.time("4. meshctl diff --detailed-exitcode", () -> {
        int code = meshctl.run("diff", "diff", "--detailed-exitcode", "--no-color", "--endpoint-map", "endpoint-map.yaml", "mesh.yaml");
        assertEquals(0, code, "meshctl diff after apply must find nothing to change\n" + meshctl.tail("diff"));
      });
      timer.time("4. check the mesh routes", () -> assertEquals(List.of(), probe.problems(placements)));
    }
  }

  /** Tears everything down whatever happened, and prints how long each step took. */
  @AfterEach
  void tearDown() throws Exception {
    Throwable failure = null;
    if (applyStarted) {
      failure = cleanUp(failure, () -> timer.time("5. terraform destroy", terraformRun::destroy));
    }
    if (simulators != null) {
      failure = cleanUp(failure, () -> timer.time("5. stop simulated controllers", simulators::close));
    }
    if (vertx != null) {
      failure = cleanUp(failure, () -> vertx.close().await());
    }
    if (moto != null) {
      failure = cleanUp(failure, () -> timer.time("5. stop moto_server", moto::close));
    }
    String report = timer.report();
    System.out.println("Terraform to mesh, step timings:\n" + report);
    if (Files.isDirectory(RUN_DIR)) {
      Files.writeString(RUN_DIR.resolve("timings.txt"), report);
    }
    if (failure instanceof Exception e) {
      throw e;
    } else if (failure instanceof Error e) {
      throw e;
    }
  }

  private static Map<String, String> terraformVars(String awsEndpoint) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("aws_endpoint_url", awsEndpoint);
    vars.put("access_cidr", "127.0.0.0/8");
    // moto knows no VNS3 image: the marketplace lookup runs against one of the images it ships.
    vars.put("vns3_ami_owners", "[\"amazon\"]");
    vars.put("vns3_ami_name_filter", "amzn-ami-hvm-*");
    vars.put("instance_type", "t3.small");
    return vars;
  }

  private static void assertSeedTopology(
      RegionOutputs region, String vpcCidr, List<String> subnets, List<String> privateIps) throws IOException {
    String p = region.prefix() + ": ";
    assertEquals(vpcCidr, region.vpcCidr(), p + "VPC CIDR");
    assertEquals(subnets, region.subnetCidrs(), p + "subnets");
    assertEquals(privateIps, region.controllerPrivateIps(), p + "controller private IPs");
    assertEquals(2, region.controllerPublicIps().size(), p + "one public IP per controller");
    assertEquals(2, region.controllerDnsNames().size(), p + "one DNS name per controller");
    assertEquals(2, region.controllerInstanceIds().size(), p + "one instance per controller");
    for (String ip : region.controllerPublicIps()) {
      assertTrue(InetAddress.getByName(ip).getAddress().length == 4, p + "public IP " + ip);
    }
    assertTrue(region.controllerInstanceIds().stream().allMatch(id -> id.startsWith("i-")), p + "instance ids");
    assertTrue(region.routeTableId().startsWith("rtb-"), p + "route table " + region.routeTableId());
    assertTrue(region.securityGroupId().startsWith("sg-"), p + "security group " + region.securityGroupId());
  }

  /**
   * What AWS (here moto) holds, not only what Terraform says: the security group admits the API
   * from the access CIDR only, and peering and keyset download from the other VPC; the route
   * table reaches the other VPC through the peering connection and the internet through the
   * gateway.
   */
  private static void assertNetwork(Ec2Query ec2, String region, RegionOutputs self, RegionOutputs peer, String peering)
      throws IOException, InterruptedException {
    List<String> rules = ec2.ingressRules(region, self.securityGroupId());
    for (String rule :
        List.of(
            "tcp 8000-8000 from 127.0.0.0/8",
            "udp 1195-1203 from " + peer.vpcCidr(),
            "tcp 8000-8000 from " + peer.vpcCidr(),
            "all from " + self.vpcCidr())) {
      assertTrue(rules.contains(rule), region + " security group lacks '" + rule + "': " + rules);
    }
    assertEquals(4, rules.size(), region + " security group admits more than it should: " + rules);
    List<String> routes = ec2.routes(region, self.routeTableId());
    assertTrue(routes.contains(peer.vpcCidr() + " via " + peering), region + " routes: " + routes);
    assertTrue(routes.stream().anyMatch(r -> r.startsWith("0.0.0.0/0 via igw-")), region + " routes: " + routes);
  }

  /** Runs a clean-up step; its failure is reported with, never instead of, an earlier one. */
  private static Throwable cleanUp(Throwable earlier, StepTimer.Step step) {
    try {
      step.run();
      return earlier;
    } catch (Throwable t) {
      if (earlier == null) {
        return t;
      }
      earlier.addSuppressed(t);
      return earlier;
    }
  }

  private static Path freshCopyOfExample() throws IOException {
    if (Files.exists(RUN_DIR)) {
      try (Stream<Path> old = Files.walk(RUN_DIR)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Path workDir = RUN_DIR.resolve("aws-peering-mesh");
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path src : files.toList()) {
        Path rel = EXAMPLE.relativize(src);
        if (rel.getNameCount() > 0 && LOCAL_STATE.contains(rel.getName(0).toString())) {
          continue;
        }
        Path dst = workDir.resolve(rel.toString());
        if (Files.isDirectory(src)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(src, dst);
        }
      }
    }
    return workDir;
  }
}
