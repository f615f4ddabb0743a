package dev.meshctl.cli;

import dev.meshctl.cli.views.View;

/**
 * A command whose output goes through a view chosen from its options: {@link FailureHandler}
 * reports an unexpected failure through the same view, so {@code --json} gets JSON even then.
 */
interface ViewedCommand {
  /** The command's view, made from its options the first time it is asked for. */
  View view();
}
