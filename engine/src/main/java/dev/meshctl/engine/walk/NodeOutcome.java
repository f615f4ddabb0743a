package dev.meshctl.engine.walk;

import java.time.Duration;
import java.util.Optional;

/**
 * How one node ended in a walk.
 *
 * @param node the node
 * @param status how it ended
 * @param error why it failed, for {@link NodeStatus#FAILED}
 * @param reason a one-line explanation for skipped and not-started nodes (e.g. {@code skipped:
 *     license.root failed}), empty otherwise
 * @param duration how long its work ran; zero if it never started
 */
public record NodeOutcome<N>(
    N node, NodeStatus status, Optional<Throwable> error, String reason, Duration duration) {}
