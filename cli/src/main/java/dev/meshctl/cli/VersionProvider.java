package dev.meshctl.cli;

import picocli.CommandLine;

/** Reads meshctl's version from the jar manifest (set by the build). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = MeshctlCommand.class.getPackage().getImplementationVersion();
    return new String[] {"meshctl " + (v == null ? "dev" : v)};
  }
}
