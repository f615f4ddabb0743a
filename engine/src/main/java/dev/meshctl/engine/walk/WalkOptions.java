package dev.meshctl.engine.walk;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link DagWalker} runs a graph.
 *
 * @param parallelism the most nodes running at once, at least 1
 * @param perGroupLimit the most nodes of one group running at once (e.g. per controller); 0 for
 *     no limit
 * @param group the group of a node (e.g. its controller's name)
 * @param order which of several ready nodes starts first; makes the start order deterministic
 * @param name a node's name in skip reasons (e.g. its resource address)
 * @param cancel completing this future stops the walk from starting new nodes; running nodes end
 *     on their own
 */
public record WalkOptions<N>(
    int parallelism,
    int perGroupLimit,
    Function<N, String> group,
    Comparator<N> order,
    Function<N, String> name,
    Future<Void> cancel) {

  public WalkOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    if (perGroupLimit < 0) {
      throw new IllegalArgumentException("perGroupLimit must not be negative");
    }
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cancel, "cancel");
  }

  /**
   * Options with a global limit only, ordering ready nodes by their name.
   *
   * @param cancel see {@link #cancel()}
   */
  public static <N> WalkOptions<N> of(int parallelism, Function<N, String> name, Future<Void> cancel) {
    return new WalkOptions<>(
        parallelism, 0, n -> "", Comparator.comparing(name), name, cancel);
  }

  /** The same options with a per-group limit. */
  public WalkOptions<N> withGroupLimit(int limit, Function<N, String> groupOf) {
    return new WalkOptions<>(parallelism, limit, groupOf, order, name, cancel);
  }

  /** The same options with another ready-node order. */
  public WalkOptions<N> withOrder(Comparator<N> newOrder) {
    return new WalkOptions<>(parallelism, perGroupLimit, group, newOrder, name, cancel);
  }
}
