package dev.meshctl.engine.apply;

import dev.meshctl.engine.plan.PlanAction;
import java.time.Duration;

/**
 * What an action costs at the least: its unavoidable requests, one after another, times the
 * request latency, plus the background work it waits for (a reboot, a keyset job). Used for the
 * critical-path lower bound of a plan and to start long chains first.
 *
 * @param latency one request's round trip
 * @param reboot from accepting license parameters until the API is back
 * @param keysetGeneration the root's keyset job
 * @param keysetDownload another controller's keyset download, before the reboot it ends in
 */
public record ActionCost(
    Duration latency, Duration reboot, Duration keysetGeneration, Duration keysetDownload) {

  /** Roughly what a real VNS3 controller takes (see BEHAVIOUR.md); only the proportions matter for scheduling. */
  public static final ActionCost VNS3 =
      new ActionCost(
          Duration.ofMillis(100), Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(90));

  /**
   * The least time {@code action} can take: the write and, for actions that wait, one read that
   * sees the result, each a round trip, plus the background duration between them. A keyset
   * download ends in a reboot (BEHAVIOUR.md), waited for within the same action.
   */
  public Duration of(PlanAction action) {
    Duration requests = latency.multipliedBy(minimalRequests(action));
    return switch (action.waits()) {
      case NONE -> requests;
      case REBOOT -> requests.plus(reboot);
      case KEYSET_GENERATION -> requests.plus(keysetGeneration);
      case KEYSET_DOWNLOAD -> requests.plus(keysetDownload).plus(reboot);
    };
  }

  /** How many requests {@code action} needs at the least. */
  public int minimalRequests(PlanAction action) {
    return action.waits().minimalRequests();
  }
}
