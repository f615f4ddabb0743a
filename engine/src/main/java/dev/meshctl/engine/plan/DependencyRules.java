package dev.meshctl.engine.plan;

import dev.meshctl.engine.desired.Cidrs;
import dev.meshctl.engine.desired.DesiredController;
import java.util.List;
import java.util.Optional;

/**
 * The dependency edges of a plan, one rule each. Edges exist only for real dependencies, so
 * independent work runs in parallel; a prerequisite already met in the live state has no action,
 * and so no edge.
 */
final class DependencyRules {
  private DependencyRules() {}

  /** Parameters can only be accepted for an uploaded license. */
  static final PlanTransformer LICENSE_BEFORE_PARAMETERS =
      ctx -> {
        for (PlanAction upload : ctx.actions(PlanActionType.UPLOAD_LICENSE)) {
          ctx.first(upload.controller(), PlanActionType.ACCEPT_LICENSE_PARAMETERS)
              .ifPresent(accept -> ctx.edge(upload, accept));
        }
      };

  /** The root generates its keyset once licensed (after the reboot parameters cause). */
  static final PlanTransformer ROOT_KEYSET_AFTER_LICENSE =
      ctx -> {
        for (PlanAction generate : ctx.actions(PlanActionType.GENERATE_KEYSET)) {
          ctx.licensing(generate.controller()).ifPresent(l -> ctx.edge(l, generate));
        }
      };

  /** A controller downloads the keyset only once the root has one to give. */
  static final PlanTransformer FETCH_AFTER_ROOT_KEYSET =
      ctx -> {
        for (PlanAction a : ctx.actions(PlanActionType.FETCH_KEYSET)) {
          FetchKeyset fetch = (FetchKeyset) a;
          ctx.keyset(fetch.sourceController()).ifPresent(k -> ctx.edge(k, fetch));
        }
      };

  /**
   * Names on a controller that downloads its keyset come after the download: it copies the root's
   * configuration and may overwrite them (the Terraform provider's {@code vns3_config} names such
   * a controller only after {@code FetchKeysetFromSource}). Everywhere else they come first,
   * before the license, as the SDK's {@code setup_controller}, the Go client's {@code
   * SetupController} and the provider name a fresh controller: the topology name then marks the
   * controller as this mesh's before the irreversible step, so the check that a licensed
   * controller belongs to the spec's topology holds from the start.
   */
  static final PlanTransformer NAMES_FIRST_OR_AFTER_DOWNLOAD =
      ctx -> {
        for (PlanAction names : ctx.actions(PlanActionType.SET_NAMES)) {
          String c = names.controller();
          Optional<PlanAction> fetch = ctx.first(c, PlanActionType.FETCH_KEYSET);
          if (fetch.isPresent()) {
            ctx.edge(fetch.get(), names);
          } else {
            ctx.first(c, PlanActionType.UPLOAD_LICENSE)
                .or(() -> ctx.first(c, PlanActionType.ACCEPT_LICENSE_PARAMETERS))
                .ifPresent(licensing -> ctx.edge(names, licensing));
          }
        }
      };

  /** A peer ID needs a licensed controller with its keyset. */
  static final PlanTransformer PEER_ID_AFTER_KEYSET = afterOwnKeyset(PlanActionType.SET_PEER_ID);

  /** Routes can be added once the controller is licensed. */
  static final PlanTransformer ROUTES_AFTER_LICENSE =
      ctx -> {
        for (PlanAction route : ctx.actions(PlanActionType.CREATE_ROUTE)) {
          ctx.licensing(route.controller()).ifPresent(l -> ctx.edge(l, route));
        }
      };

  /**
   * A replaced route is deleted before its successor is created: both have the same cidr,
   * interface and gateway, and a second identical route may be refused by the controller or leave
   * two copies if the delete then failed.
   */
  static final PlanTransformer REPLACE_DELETES_FIRST =
      ctx -> ctx.replacements().forEach(ctx::edge);

  /**
   * This side of a link c → d is created (or changed) after c has its own peer ID (and keyset),
   * after the route c uses to reach d exists, and after d has its keyset, since peers of one
   * topology authenticate with it.
   */
  static final PlanTransformer PEER_AFTER_PREREQUISITES =
      ctx -> {
        for (PlanActionType t : List.of(PlanActionType.CREATE_PEER, PlanActionType.UPDATE_PEER)) {
          for (PlanAction a : ctx.actions(t)) {
            String c = a.controller();
            String d = a instanceof CreatePeer p ? p.peerController() : ((UpdatePeer) a).peerController();
            Optional<PlanAction> ownId = ctx.first(c, PlanActionType.SET_PEER_ID);
            ownId.or(() -> ctx.keyset(c)).ifPresent(x -> ctx.edge(x, a));
            ctx.mesh()
                .controller(d)
                .map(DesiredController::privateIp)
                .flatMap(ip -> ctx.routeCreate(c, Cidrs.hostRoute(ip)))
                .ifPresent(r -> ctx.edge(r, a));
            ctx.keyset(d).ifPresent(k -> ctx.edge(k, a));
          }
        }
      };

  /** Every rule, in the order the builder applies them. */
  static final List<PlanTransformer> ALL =
      List.of(
          LICENSE_BEFORE_PARAMETERS,
          ROOT_KEYSET_AFTER_LICENSE,
          FETCH_AFTER_ROOT_KEYSET,
          NAMES_FIRST_OR_AFTER_DOWNLOAD,
          PEER_ID_AFTER_KEYSET,
          ROUTES_AFTER_LICENSE,
          REPLACE_DELETES_FIRST,
          PEER_AFTER_PREREQUISITES);

  private static PlanTransformer afterOwnKeyset(PlanActionType type) {
    return ctx -> {
      for (PlanAction a : ctx.actions(type)) {
        ctx.keyset(a.controller()).ifPresent(k -> ctx.edge(k, a));
      }
    };
  }
}
