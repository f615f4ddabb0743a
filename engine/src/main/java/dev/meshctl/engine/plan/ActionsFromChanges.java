package dev.meshctl.engine.plan;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.DesiredKeyset;
import dev.meshctl.engine.desired.DesiredLicense;
import dev.meshctl.engine.desired.DesiredNames;
import dev.meshctl.engine.desired.DesiredPeer;
import dev.meshctl.engine.desired.DesiredPeerId;
import dev.meshctl.engine.desired.DesiredResource;
import dev.meshctl.engine.desired.DesiredRoute;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.MeshDiff;

/** The first step: one or two actions per change, no edges yet (except inside a replace). */
final class ActionsFromChanges implements PlanTransformer {
  private final MeshDiff diff;

  ActionsFromChanges(MeshDiff diff) {
    this.diff = diff;
  }

  @Override
  public void transform(PlanContext ctx) {
    for (Change c : diff.changes()) {
      if (c.action() == Action.DELETE) {
        deleted(ctx, c);
      } else {
        wanted(ctx, c, c.desired().orElseThrow());
      }
    }
  }

  private static void deleted(PlanContext ctx, Change c) {
    ResourceAddress a = c.address();
    switch (a.kind()) {
      case PEER -> ctx.add(new DeletePeer(a, a.peerKey()));
      case ROUTE -> ctx.add(new DeleteRoute(a, c.liveId().orElseThrow(), a.key().orElseThrow()));
      default -> throw new IllegalStateException("nothing deletes " + a);
    }
  }

  private static void wanted(PlanContext ctx, Change c, DesiredResource d) {
    if (d instanceof DesiredLicense l) {
      if (c.action() == Action.CREATE) {
        ctx.add(new UploadLicense(l.address()));
      }
      ctx.add(new AcceptLicenseParameters(l.address(), l.parameters()));
    } else if (d instanceof DesiredKeyset k) {
      ctx.add(
          k.generated()
              ? new GenerateKeyset(k.address())
              : new FetchKeyset(k.address(), k.sourceController().orElseThrow(), k.sourceIp().orElseThrow()));
    } else if (d instanceof DesiredNames n) {
      ctx.add(new SetNames(n.address(), n.topologyName(), n.controllerName()));
    } else if (d instanceof DesiredPeerId p) {
      ctx.add(new SetPeerId(p.address(), p.peerId()));
    } else if (d instanceof DesiredPeer p) {
      ctx.add(
          c.action() == Action.CREATE
              ? new CreatePeer(p.address(), p.peerId(), p.peerController(), p.peerAddress(), p.mtu())
              : new UpdatePeer(p.address(), p.peerId(), p.peerController(), p.peerAddress(), p.mtu()));
    } else if (d instanceof DesiredRoute r) {
      CreateRoute create =
          new CreateRoute(
              r.address(), r.cidr(), r.gateway(), r.iface(), r.advertise(), r.metric(), r.description());
      if (c.action() == Action.REPLACE) {
        ctx.replacement(new DeleteRoute(r.address(), c.liveId().orElseThrow(), r.cidr()), create);
      } else {
        ctx.add(create);
      }
    }
  }
}
