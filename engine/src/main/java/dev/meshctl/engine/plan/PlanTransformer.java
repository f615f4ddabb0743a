package dev.meshctl.engine.plan;

/**
 * One step of building a plan: adds actions or dependency edges to the graph. A plan is built by
 * running a fixed sequence of these, each small enough to test alone.
 */
public interface PlanTransformer {
  void transform(PlanContext ctx);
}
