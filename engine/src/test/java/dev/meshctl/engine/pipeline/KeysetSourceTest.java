package dev.meshctl.engine.pipeline;

import static dev.meshctl.engine.diff.MeshFixtures.converged;
import static dev.meshctl.engine.diff.MeshFixtures.fresh;
import static dev.meshctl.engine.diff.MeshFixtures.freshController;
import static dev.meshctl.engine.diff.MeshFixtures.spec;
import static dev.meshctl.engine.diff.MeshFixtures.unreadable;
import static dev.meshctl.engine.diff.MeshFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.live.ControllerState;
import dev.meshctl.engine.live.KeysetState;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.AcceptLicenseParameters;
import dev.meshctl.engine.plan.FetchKeyset;
import dev.meshctl.engine.plan.GenerateKeyset;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.SetPeerId;
import dev.meshctl.engine.plan.UploadLicense;
import dev.meshctl.engine.reconcile.Analysis;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeysetSourceTest {
  private final DesiredMesh mesh = MeshExpander.expand(spec(4));
  private final String root = mesh.root();

  @Test
  void aHealthyRootStaysTheSource() {
    assertEquals(Optional.empty(), KeysetSource.choose(mesh, converged(mesh)));
  }

  @Test
  void aMeshBuiltFromNothingHasTheRootGenerateTheKeyset() {
    assertEquals(Optional.empty(), KeysetSource.choose(mesh, fresh(mesh)));
  }

  @Test
  void aRootStillGeneratingStaysTheSource() {
    MeshState s = with(converged(mesh), root, c -> keyset(freshController(mesh.controller(root).orElseThrow()), new KeysetState(false, true, Optional.empty(), Optional.of(5L))));
    assertEquals(Optional.empty(), KeysetSource.choose(mesh, s));
  }

  @Test
  void aReplacedRootFetchesFromTheFirstHolderOfTheTopologysKeyset() {
    MeshState s = replacedRoot();
    assertEquals(Optional.of("ctl-02"), KeysetSource.choose(mesh, s));
  }

  @Test
  void theKeysetMostHoldersShareWins() {
    MeshState s = with(replacedRoot(), "ctl-02", c -> keyset(c, new KeysetState(true, false, Optional.of("other-topology"), Optional.of(1L))));
    assertEquals(Optional.of("ctl-03"), KeysetSource.choose(mesh, s));
  }

  @Test
  void theReplacedRootsPlanFetchesItsKeysetAndNeverGeneratesOrUploadsALicense() {
    Judgement a = Judgement.of(mesh, replacedRoot());
    List<PlanAction> onRoot = a.plan().order().stream().filter(x -> x.controller().equals(root)).toList();
    assertTrue(onRoot.contains(new FetchKeyset(dev.meshctl.engine.address.ResourceAddress.keyset(root), "ctl-02", mesh.controller("ctl-02").orElseThrow().privateIp())), onRoot::toString);
    assertTrue(onRoot.stream().noneMatch(x -> x instanceof GenerateKeyset || x instanceof UploadLicense || x instanceof AcceptLicenseParameters), onRoot::toString);
    assertTrue(onRoot.stream().anyMatch(x -> x instanceof SetPeerId), "its peer ID comes back through the normal plan");
    assertTrue(a.diff().problems().isEmpty(), "the other controllers' keysets are not taken for another topology's");
    assertTrue(a.diff().unreadable().isEmpty() && a.plan().blocking().isEmpty(), "apply runs it as reconcile does");
  }

  @Test
  void withTheRootUnreadableAFreshControllerFetchesFromAnotherHolder() {
    MeshState s = with(unreadable(converged(mesh), root, "connection refused"), "ctl-03", c -> freshController(mesh.controller("ctl-03").orElseThrow()));
    Analysis a = Analysis.of(mesh, s);
    assertEquals(Optional.of("ctl-02"), a.keysetSource());
    assertTrue(
        a.repairable().plan().order().stream().anyMatch(x -> x instanceof FetchKeyset f && f.controller().equals("ctl-03") && f.sourceController().equals("ctl-02")),
        () -> a.repairable().plan().order().toString());
    assertTrue(a.repairable().plan().order().stream().noneMatch(x -> x.controller().equals(root)));
  }

  private MeshState replacedRoot() {
    return with(converged(mesh), root, c -> freshController(mesh.controller(root).orElseThrow()));
  }

  private static ControllerState keyset(ControllerState s, KeysetState k) {
    return new ControllerState(s.controller(), s.config(), s.license(), k, s.peering(), s.routes());
  }
}
