package dev.meshctl.engine.planfile;

import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.render.PlanSummary;
import java.time.Instant;

/**
 * A plan with what it was computed against, as {@code plan -out} writes it and {@code apply}
 * reads it back: apply re-reads the controllers and refuses a plan whose spec or live state
 * changed since.
 *
 * @param meshctlVersion the version that made it
 * @param createdAt when
 * @param specPath the spec file, absolute, so the plan can be applied from any folder. Plans saved
 *     by earlier builds hold the path as given to {@code plan}; apply reads such a relative path
 *     from its current folder, as those builds did.
 * @param specSha256 SHA-256 of the spec file's bytes (which hold references to secrets, never
 *     their values)
 * @param desiredSha256 SHA-256 of the expanded, secret-free desired state, which changes when a
 *     {@code ${...}} reference resolves differently
 */
public record SavedPlan(
    String meshctlVersion,
    Instant createdAt,
    String specPath,
    String specSha256,
    String desiredSha256,
    Plan plan,
    PlanSummary summary) {}
