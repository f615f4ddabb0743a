package dev.meshctl.engine.diff;

import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.desired.Cidrs;
import dev.meshctl.engine.desired.DesiredRoute;
import dev.meshctl.engine.desired.RouteIdentity;
import dev.meshctl.engine.desired.RouteMarker;
import dev.meshctl.engine.live.LiveRoute;
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
final class RoutesDiffer implements ResourceDiffer {
  static final String SYSTEM = Ignored.SYSTEM_ROUTE;
  static final String UNMANAGED =
      "unmanaged route (its description does not start with \"" + RouteMarker.PREFIX + "\")";
  static final String SATISFIES =
      "unmanaged route equal to a wanted one (same cidr, interface, gateway and advertise): left as is";

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
    Map<RouteIdentity, List<LiveRoute>> managed = new LinkedHashMap<>();
    Set<RouteIdentity> satisfied = new HashSet<>();
    List<LiveRoute> live = new ArrayList<>(ctx.live().routes());
    live.sort(BY_ID);
    for (LiveRoute r : live) {
      RouteIdentity id = RouteIdentity.of(r);
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

    Set<String> kept = new HashSet<>();
    for (DesiredRoute w : want.values()) {
      List<LiveRoute> found = managed.getOrDefault(w.identity(), List.of());
      if (found.isEmpty()) {
        if (satisfied.contains(w.identity())) {
          continue;
        }
        // A route of ours that differs only in advertise is replaced, not deleted beside a new
        // one: a replacement is ordered delete-first (see DependencyRules).
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
