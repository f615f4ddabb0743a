package dev.meshctl.engine.kind;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.Cidrs;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredRoute;
import dev.meshctl.engine.desired.RouteIdentity;
import dev.meshctl.engine.desired.RouteMarker;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.diff.Ignored;
import dev.meshctl.engine.live.LiveRoute;
import dev.meshctl.engine.plan.CreateRoute;
import dev.meshctl.engine.plan.DeleteRoute;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.plan.PlanTransformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes. Only routes carrying the {@link RouteMarker} are meshctl's: it creates the missing
 * ones, replaces changed ones (VNS3 cannot update a route), deletes the ones the spec no longer
 * wants and extra copies of one route. Everything else is listed as ignored and left alone.
 *
 * <p>Routes are matched by {@link RouteIdentity} (cidr, interface, gateway, advertise, with every
 * spelling of "none" alike), the rule the client's POST check uses too. A live route that is not
 * meshctl's but has exactly the identity of a wanted one satisfies it, whoever made it: the vendor
 * SDK's "Peer route to local gateway" is the peer route meshctl wants, and a second copy would only
 * be a duplicate the kernel may refuse. meshctl still never deletes it.
 */
public final class RouteKind extends DeclaredHandler {
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
  static final PlanTransformer REPLACE_DELETES_FIRST = ctx -> ctx.replacements().forEach(ctx::edge);

  /** Route IDs are numbers as text: 2 before 10. */
  private static final Comparator<LiveRoute> BY_ID =
      Comparator.comparing((LiveRoute r) -> r.id().length()).thenComparing(LiveRoute::id);

  public RouteKind() {
    super(
        ResourceKind.ROUTE,
        DesiredController::routes,
        List.of(PlanActionType.DELETE_ROUTE, PlanActionType.CREATE_ROUTE),
        ROUTES_AFTER_LICENSE,
        REPLACE_DELETES_FIRST);
  }

  @Override
  public void plan(Change change, PlanContext ctx) {
    ResourceAddress a = change.address();
    if (change.action() == Action.DELETE) {
      ctx.add(new DeleteRoute(a, change.liveId().orElseThrow(), a.key().orElseThrow()));
      return;
    }
    DesiredRoute r = wanted(change, DesiredRoute.class);
    CreateRoute create =
        new CreateRoute(a, r.cidr(), r.gateway(), r.iface(), r.advertise(), r.metric(), r.description());
    if (change.action() == Action.REPLACE) {
      ctx.replacement(new DeleteRoute(a, change.liveId().orElseThrow(), r.cidr()), create);
    } else {
      ctx.add(create);
    }
  }

  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    String controller = ctx.want().name();
    Map<RouteIdentity, DesiredRoute> want = new LinkedHashMap<>();
    for (DesiredRoute r : ctx.want().routes()) {
      want.put(r.identity(), r);
    }
    Map<RouteIdentity, List<LiveRoute>> managed = new LinkedHashMap<>();
    Set<RouteIdentity> satisfied = new HashSet<>();
    List<LiveRoute> live = new ArrayList<>(ctx.live().routes());
    live.sort(BY_ID);
    for (LiveRoute r : live) {
      RouteIdentity id = RouteIdentity.of(r);
      ResourceAddress address = ResourceAddress.route(controller, id.cidr());
      if (!r.editable()) {
        out.ignore(address, Ignored.SYSTEM_ROUTE);
      } else if (!RouteMarker.managed(r)) {
        if (want.containsKey(id)) {
          satisfied.add(id);
          out.ignore(address, Ignored.SATISFYING_ROUTE);
        } else {
          out.ignore(address, Ignored.UNMANAGED_ROUTE);
        }
      } else {
        managed.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      }
    }

    Set<String> kept = new HashSet<>();
    for (DesiredRoute w : want.values()) {
      List<LiveRoute> found = managed.getOrDefault(w.identity(), List.of());
      if (found.isEmpty()) {
        if (satisfied.contains(w.identity())) {
          continue;
        }
        // A route of ours that differs only in advertise is replaced, not deleted beside a new
        // one: a replacement is ordered delete-first (REPLACE_DELETES_FIRST).
        RouteIdentity flipped = w.identity().withAdvertise(!w.advertise());
        List<LiveRoute> other = want.containsKey(flipped) ? List.of() : managed.getOrDefault(flipped, List.of());
        if (other.isEmpty()) {
          out.change(Change.create(w, created(w)));
        } else {
          kept.add(other.get(0).id());
          out.change(Change.replace(w, differences(other.get(0), w), other.get(0).id()));
        }
        continue;
      }
      LiveRoute first = found.get(0);
      kept.add(first.id());
      List<FieldChange> fields = differences(first, w);
      if (!fields.isEmpty()) {
        out.change(Change.replace(w, fields, first.id()));
      }
    }
    for (List<LiveRoute> routes : managed.values()) {
      for (LiveRoute r : routes) {
        if (!kept.contains(r.id())) {
          out.change(deleted(controller, r));
        }
      }
    }
  }

  private static List<FieldChange> created(DesiredRoute w) {
    List<FieldChange> fields = new ArrayList<>();
    fields.add(FieldChange.added("cidr", w.cidr()));
    w.iface().ifPresent(v -> fields.add(FieldChange.added("interface", v)));
    w.gateway().ifPresent(v -> fields.add(FieldChange.added("gateway", v)));
    fields.add(FieldChange.added("advertise", w.advertise()));
    fields.add(FieldChange.added("metric", w.metric()));
    fields.add(FieldChange.added("description", w.description()));
    return fields;
  }

  private static List<FieldChange> differences(LiveRoute live, DesiredRoute w) {
    List<FieldChange> fields = new ArrayList<>();
    if (live.advertise() != w.advertise()) {
      fields.add(FieldChange.changed("advertise", live.advertise(), w.advertise()));
    }
    if (live.metric() != w.metric()) {
      fields.add(FieldChange.changed("metric", live.metric(), w.metric()));
    }
    if (!w.description().equals(live.description())) {
      fields.add(FieldChange.changed("description", live.description(), w.description()));
    }
    return fields;
  }

  private static Change deleted(String controller, LiveRoute r) {
    List<FieldChange> fields = new ArrayList<>();
    fields.add(FieldChange.removed("cidr", r.cidr()));
    RouteIdentity.given(r.iface()).ifPresent(v -> fields.add(FieldChange.removed("interface", v)));
    RouteIdentity.given(r.gateway()).ifPresent(v -> fields.add(FieldChange.removed("gateway", v)));
    fields.add(FieldChange.removed("description", r.description()));
    return Change.delete(
        ResourceAddress.route(controller, Cidrs.canonical(r.cidr())), fields, Optional.of(r.id()));
  }
}
