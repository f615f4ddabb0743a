package dev.meshctl.cli.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the end-to-end test needs from the machine. Missing, it fails the run in CI (where
 * the environment promises it) with instructions to install it, and skips the test elsewhere
 * with the same instructions.
 */
record RequiredTool(String name, String installHint) {

  static final RequiredTool TERRAFORM =
      new RequiredTool(
          "terraform",
          "install Terraform 1.5 or later (https://developer.hashicorp.com/terraform/install) and"
              + " the hashicorp/aws 5.x provider in a filesystem mirror, e.g. `terraform providers"
              + " mirror /opt/tf-plugins` in examples/aws-peering-mesh (or set TF_PLUGIN_MIRROR)");
  static final RequiredTool MOTO_SERVER =
      new RequiredTool("moto_server", "install moto with its server: `pip install 'moto[server]'`");

  /** The absolute path of the program on PATH, or a failed or skipped test explaining the fix. */
  Path require() {
    return find().orElseGet(() -> missing(name + " not found on PATH: " + installHint));
  }

  Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Fails in CI, skips elsewhere; never returns normally. */
  static <T> T missing(String explanation) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("the Terraform end-to-end test cannot run: " + explanation);
    }
    Assumptions.abort("skipped (outside CI): " + explanation);
    throw new IllegalStateException("unreachable");
  }
}
