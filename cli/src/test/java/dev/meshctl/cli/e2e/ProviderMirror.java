package dev.meshctl.cli.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the machine's local Terraform provider mirror: a folder holding
 * {@code registry.terraform.io/hashicorp/aws}, so {@code terraform init} needs no network.
 */
final class ProviderMirror {
  static final String AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";

  private ProviderMirror() {}

  /** The first candidate folder that holds the AWS provider. */
  static Optional<Path> find(Map<String, String> env) {
    return candidates(env).stream().filter(ProviderMirror::holdsAws).findFirst();
  }

  /**
   * Where mirrors are usually kept, most specific first: TF_PLUGIN_MIRROR, then Terraform's
   * implied local mirror directories (user, then system-wide), then one level below /opt.
   */
  static List<Path> candidates(Map<String, String> env) {
    List<Path> dirs = new ArrayList<>();
    Optional.ofNullable(env.get("TF_PLUGIN_MIRROR")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(dirs::add);
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    dirs.add(Path.of(home, ".terraform.d", "plugins"));
    dirs.add(Path.of(home, ".local", "share", "terraform", "plugins"));
    String xdgData = env.getOrDefault("XDG_DATA_DIRS", "/usr/local/share:/usr/share");
    for (String d : xdgData.split(":")) {
      if (!d.isBlank()) {
        dirs.add(Path.of(d, "terraform", "plugins"));
      }
    }
    dirs.add(Path.of("/opt/tf-plugins"));
    dirs.add(Path.of("/opt/terraform/plugins"));
    dirs.addAll(childrenOf(Path.of("/opt")));
    return dirs;
  }

  private static List<Path> childrenOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean holdsAws(Path dir) {
    return Files.isDirectory(dir.resolve(AWS_PROVIDER));
  }

  /**
   * A Terraform CLI configuration that installs every registry provider from {@code mirror} and
   * never from the network.
   */
  static String cliConfig(Path mirror) {
    String path = mirror.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return "provider_installation {\n"
        + "  filesystem_mirror {\n"
        + "    path    = \"" + path + "\"\n"
        + "    include = [\"registry.terraform.io/*/*\"]\n"
        + "  }\n"
        + "}\n";
  }
}
