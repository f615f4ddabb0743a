package dev.meshctl.engine.reliability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The running totals of a fault campaign, printed as one summary line. */
final class CampaignFigures {
  int runs;
  int converged;
  int cleanFailures;
  int faultFreeConverged;
  /** Faulty applies whose report was a violation (neither converged nor a clean failure). */
  int applyViolations;
  /** Keyset downloads the faulty applies waited through, each ending in a reboot. */
  long keysetReboots;
  /** Reboot waits after license parameters the faulty applies went through (every one checked). */
  long licenseRebootWaits;
  /** License reboot faults that fired (the apply sent license parameters), of those drawn. */
  int licenseRebootFaultsFired;
  /** Applies with --break-lock started during a faulty apply, and how many of them converged. */
  int breakLockApplies;
  int breakLockConverged;
  /** Faulty applies that stopped because a --break-lock apply took their lock. */
  int lockLostStops;
  final Map<FaultKind, Integer> injected = new EnumMap<>(FaultKind.class);
  final Map<StartingState, Integer> starts = new EnumMap<>(StartingState.class);
  /** Runs per reading of custom variables the simulator played (the apply lock's semantics). */
  final Map<String, Integer> readings = new java.util.TreeMap<>();
  /** Each violation with the seed that reproduces it. */
  final List<String> violations = new ArrayList<>();

  void injected(FaultKind kind) {
    injected.merge(kind, 1, Integer::sum);
  }

  int faults() {
    return injected.values().stream().mapToInt(Integer::intValue).sum();
  }

  String summary(long seed, long elapsedMillis) {
    return "fault campaign: seed="
        + seed
        + " runs="
        + runs
        + " starts="
        + starts
        + " variable_readings="
        + readings
        + " faults="
        + faults()
        + " "
        + injected
        + " keyset_download_reboots="
        + keysetReboots
        + " license_reboot_waits="
        + licenseRebootWaits
        + " license_reboot_faults_fired="
        + licenseRebootFaultsFired
        + " break_lock_applies="
        + breakLockApplies
        + " (converged "
        + breakLockConverged
        + ", faulty apply stopped for its lost lock "
        + lockLostStops
        + ")"
        + " converged="
        + converged
        + " clean_failures="
        + cleanFailures
        + " fault_free_reapply_converged="
        + faultFreeConverged
        + " violations="
        + violations.size()
        + " elapsed="
        + elapsedMillis / 1000.0
        + "s";
  }
}
