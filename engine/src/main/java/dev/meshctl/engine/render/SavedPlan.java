package dev.meshctl.engine.render;

import dev.meshctl.engine.plan.Plan;
import java.time.Instant;

/**
 * A plan with what it was computed against, as {@code plan -out} writes it and {@code apply}
 * reads it back: apply re-reads the controllers and refuses a plan whose spec or live state
 * changed since.
 *
 * @param meshctlVersion the version that made it
 * @param createdAt when
 * @param specPath the spec file, as given on the command line
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
