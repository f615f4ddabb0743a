package dev.meshctl.engine.diff;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.Cidrs;
import dev.meshctl.engine.desired.DesiredRoute;
import dev.meshctl.engine.desired.RouteIdentity;
import dev.meshctl.engine.desired.RouteMarker;
import dev.meshctl.engine.live.LiveRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * <p>A route that exists unmarked with exactly the identity of a desired one is taken as
 * satisfying it: creating a second copy would only make a duplicate the kernel may refuse.
 */
final class RoutesDiffer implements ResourceDiffer {
  static final String SYSTEM = Ignored.SYSTEM_ROUTE;
  static final String UNMANAGED =
      "unmanaged route (its description does not start with \"" + RouteMarker.PREFIX + "\")";
  static final String SATISFIES =
      "unmanaged route equal to a wanted one (same cidr, interface and gateway): left as is";

  /** Route IDs are numbers as text: 2 before 10. */
  private static final Comparator<LiveRoute> BY_ID =
      Comparator.comparing((LiveRoute r) -> r.id().length()).thenComparing(LiveRoute::id);

  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    String controller = ctx.want().name();
    Map<RouteIdentity, DesiredRoute> want = new LinkedHashMap<>();
    for (DesiredRoute r : ctx.want().routes()) {
      want.put(r.identity(), r);
    }
    Map<RouteIdentity, List<LiveRoute>> managed = new HashMap<>();
    Set<RouteIdentity> satisfied = new HashSet<>();
    List<LiveRoute> live = new ArrayList<>(ctx.live().routes());
    live.sort(BY_ID);
    for (LiveRoute r : live) {
      RouteIdentity id = wanted(RouteIdentity.of(r), want);
      ResourceAddress address = ResourceAddress.route(controller, id.cidr());
      if (!r.editable()) {
        out.ignore(address, SYSTEM);
      } else if (!RouteMarker.managed(r)) {
        if (want.containsKey(id)) {
          satisfied.add(id);
          out.ignore(address, SATISFIES);
        } else {
          out.ignore(address, UNMANAGED);
        }
      } else {
        managed.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      }
    }

    for (DesiredRoute w : want.values()) {
      List<LiveRoute> found = managed.getOrDefault(w.identity(), List.of());
      if (found.isEmpty()) {
        if (!satisfied.contains(w.identity())) {
          out.change(Change.create(w, created(w)));
        }
        continue;
      }
      LiveRoute kept = found.get(0);
      List<FieldChange> fields = differences(kept, w);
      if (!fields.isEmpty()) {
        out.change(Change.replace(w, fields, kept.id()));
      }
      for (LiveRoute extra : found.subList(1, found.size())) {
        out.change(deleted(controller, extra));
      }
    }
    for (Map.Entry<RouteIdentity, List<LiveRoute>> e : managed.entrySet()) {
      if (!want.containsKey(e.getKey())) {
        for (LiveRoute r : e.getValue()) {
          out.change(deleted(controller, r));
        }
      }
    }
  }

  /**
   * A route posted without an interface gets one the controller picks (VNS3 puts a subnet
   * advertisement on tun0): it is still the route that was asked for, so it takes that identity.
   */
  private static RouteIdentity wanted(RouteIdentity live, Map<RouteIdentity, DesiredRoute> want) {
    if (want.containsKey(live) || live.iface().isEmpty()) {
      return live;
    }
    RouteIdentity anyInterface = new RouteIdentity(live.cidr(), Optional.empty(), live.gateway());
    return want.containsKey(anyInterface) ? anyInterface : live;
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
    r.iface().filter(v -> !v.isBlank()).ifPresent(v -> fields.add(FieldChange.removed("interface", v)));
    r.gateway().filter(v -> !v.isBlank()).ifPresent(v -> fields.add(FieldChange.removed("gateway", v)));
    fields.add(FieldChange.removed("description", r.description()));
    return Change.delete(
        ResourceAddress.route(controller, Cidrs.canonical(r.cidr())), fields, Optional.of(r.id()));
  }
}
