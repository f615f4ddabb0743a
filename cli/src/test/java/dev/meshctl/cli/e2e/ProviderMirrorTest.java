package dev.meshctl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderMirrorTest {
  @TempDir Path tmp;

  @Test
  void tfPluginMirrorWinsWhenItHoldsTheAwsProvider() throws Exception {
    Path mirror = tmp.resolve("mirror");
    Files.createDirectories(mirror.resolve(ProviderMirror.AWS_PROVIDER).resolve("5.100.0"));
    Map<String, String> env = Map.of("TF_PLUGIN_MIRROR", mirror.toString(), "HOME", tmp.resolve("home").toString());

    assertEquals(Optional.of(mirror), ProviderMirror.find(env));
  }

  @Test
  void aFolderWithoutTheAwsProviderIsPassedOver() throws Exception {
    Path notAMirror = tmp.resolve("other");
    Files.createDirectories(notAMirror.resolve("registry.terraform.io/hashicorp/random"));
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve(".terraform.d/plugins").resolve(ProviderMirror.AWS_PROVIDER));
    Map<String, String> env = Map.of("TF_PLUGIN_MIRROR", notAMirror.toString(), "HOME", home.toString());

    assertEquals(Optional.of(home.resolve(".terraform.d/plugins")), ProviderMirror.find(env));
  }

  @Test
  void cliConfigInstallsRegistryProvidersFromTheMirrorOnly() {
    String config = ProviderMirror.cliConfig(Path.of("/srv/tf \"mirror\""));

    assertTrue(config.contains("filesystem_mirror {"), config);
    assertTrue(config.contains("path    = \"/srv/tf \\\"mirror\\\"\""), config);
    assertTrue(config.contains("include = [\"registry.terraform.io/*/*\"]"), config);
    assertTrue(!config.contains("direct"), "no network installation method: " + config);
  }
}
