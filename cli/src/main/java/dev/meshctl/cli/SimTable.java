package dev.meshctl.cli;

import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The table {@code meshctl sim} prints once its controllers answer. */
final class SimTable {
  private SimTable() {}

  static void print(PrintWriter out, Simulator sim) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "ENDPOINT", "PRIVATE IP", "PUBLIC IP", "API PASSWORD (initial)"});
    for (SimulatedController c : sim.controllers()) {
      rows.add(new String[] {c.name(), c.endpoint(), c.privateIp(), c.publicIp(), c.apiPassword()});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(i == r.length - 1 ? r[i] : String.format("%-" + (width[i] + 2) + "s", r[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    if (sim.config().tls()) {
      out.println();
      out.println("Certificate fingerprints (SHA-256):");
      for (SimulatedController c : sim.controllers()) {
        out.println("  " + String.format("%-" + width[0] + "s", c.name()) + "  " + c.certificateSha256());
      }
    }
    out.println();
    sim.adminPort().ifPresent(p -> out.println("Admin API: http://127.0.0.1:" + p + "/_sim/controllers"));
    out.println("API base path: /api (user 'api'). Ctrl-C stops the simulator.");
  }
}
