package dev.meshctl.engine.apply;

import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.pipeline.Judgement;

/** The last read of a settle: the state, its judgement, and the verification made from both. */
public record Settled(MeshState live, Judgement judgement, Verification verification) {}
