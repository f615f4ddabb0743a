package dev.meshctl.engine.pipeline;

import dev.meshctl.engine.live.MeshState;

/** One read of the live mesh with its {@link Judgement}. */
public record Judged(MeshState live, Judgement judgement) {}
