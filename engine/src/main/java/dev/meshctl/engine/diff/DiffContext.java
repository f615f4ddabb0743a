package dev.meshctl.engine.diff;

import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.live.ControllerState;
import java.util.Optional;

/**
 * What a {@link ResourceDiffer} looks at for one controller: what the spec wants of it, what was
 * read from it, and the root's live state (a keyset is compared with the root's).
 */
public record DiffContext(
    DesiredMesh mesh, DesiredController want, ControllerState live, Optional<ControllerState> rootLive) {}
