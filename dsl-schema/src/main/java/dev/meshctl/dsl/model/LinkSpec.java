package dev.meshctl.dsl.model;

import java.util.OptionalInt;

/**
 * A two-way peer link between controllers {@code a} and {@code b} (by spec name). meshctl makes
 * both one-directional halves.
 *
 * @param overlayMtu the link's overlay MTU, or empty for the mesh default
 */
public record LinkSpec(String a, String b, OptionalInt overlayMtu) {}
