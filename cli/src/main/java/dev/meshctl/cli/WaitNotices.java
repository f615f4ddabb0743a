package dev.meshctl.cli;

import dev.meshctl.engine.apply.ApplyEngine;
import dev.meshctl.engine.plan.AcceptLicenseParameters;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.GenerateKeyset;
import dev.meshctl.engine.plan.PlanAction;
import java.time.Duration;
import java.util.Map;

/**
 * "still waiting for east-1a to reboot (30 s elapsed)": what a run prints to logs and pipes while
 * a long wait goes on, as Terraform prints "Still creating...", so a job log never falls silent
 * for minutes. A terminal shows the same through the live display instead.
 */
final class WaitNotices {
  /** How often a notice is printed: Terraform's interval, long enough to keep logs short. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  /** Sets the interval (e.g. {@code 200ms}), for tests and for logs that want more or fewer. */
  static final String INTERVAL_VARIABLE = "MESHCTL_WAIT_NOTICE_INTERVAL";

  private WaitNotices() {}

  /** The interval {@code env} sets, or the default when it sets none or nonsense. */
  static Duration interval(Map<String, String> env) {
    String value = env.get(INTERVAL_VARIABLE);
    if (value == null || value.isBlank()) {
      return DEFAULT_INTERVAL;
    }
    try {
      Duration d = new SimDurations().convert(value);
      return d.isZero() ? DEFAULT_INTERVAL : d;
    } catch (RuntimeException e) {
      return DEFAULT_INTERVAL;
    }
  }

  /** What an action waits for, as the notice names it. */
  static String waitingFor(PlanAction a) {
    if (a instanceof AcceptLicenseParameters) {
      return a.controller() + " to reboot";
    }
    if (a instanceof GenerateKeyset) {
      return a.controller() + " to generate its keyset";
    }
    if (a instanceof FetchKeyset f) {
      return a.controller() + " to download its keyset from " + f.sourceController() + " and reboot";
    }
    return ApplyEngine.label(a);
  }

  /** {@code still waiting for east-1a to reboot (30 s elapsed)}. */
  static String line(String what, Duration elapsed) {
    return "still waiting for " + what + " (" + elapsed(elapsed) + " elapsed)";
  }

  /** {@code 30 s}, {@code 2 min 30 s}; under a second (test intervals) in milliseconds. */
  static String elapsed(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    long s = Math.round(ms / 1000.0);
    return s < 60 ? s + " s" : (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
  }

  /** The interval of this process's environment. */
  static Duration interval() {
    return interval(System.getenv());
  }
}
