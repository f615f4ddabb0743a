package dev.meshctl.engine.reconcile;

/**
 * Told what the loop does: every action as it ends, every tick as it ends. Calls come from the
 * loop's Vert.x context; an implementation must not block (writing a log line is fine).
 */
public interface ReconcileListener {
  default void action(ActionEvent event) {}

  default void tick(TickReport report) {}
}
