package dev.meshctl.engine.address;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a resource lives, with one canonical text form used in output, JSON and tests:
 *
 * <pre>
 * controller["east-1a"]                       the controller itself
 * controller["east-1a"].license               its license (root only)
 * controller["east-1a"].keyset
 * controller["east-1a"].names                 topology and controller name
 * controller["east-1a"].peer_id
 * controller["east-1a"].peer[2]               its half of the link to peer ID 2
 * controller["east-1a"].route["10.0.2.10/32"] a route, keyed by its CIDR
 * </pre>
 *
 * <p>Addresses sort by controller name, then kind (in setup order), then key (peer IDs
 * numerically, route CIDRs as text), so every listing is deterministic.
 *
 * @param controller the controller's name in the spec
 * @param kind what kind of resource
 * @param key the peer ID or route CIDR for keyed kinds, empty otherwise
 */
public record ResourceAddress(String controller, ResourceKind kind, Optional<String> key)
    implements Comparable<ResourceAddress> {

  private static final Pattern TEXT =
      Pattern.compile(
          "controller\\[\"((?:[^\"\\\\]|\\\\.)*)\"\\](?:\\.([a-z_]+)(?:\\[(?:(\\d+)|\"((?:[^\"\\\\]|\\\\.)*)\")\\])?)?");


  public ResourceAddress {
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    if (kind.keyed() != key.isPresent()) {
      throw new IllegalArgumentException(
          kind + (kind.keyed() ? " needs a key" : " takes no key") + ": " + key);
    }
  }

  public static ResourceAddress controller(String controller) {
    return new ResourceAddress(controller, ResourceKind.CONTROLLER, Optional.empty());
  }

  public static ResourceAddress license(String controller) {
    return new ResourceAddress(controller, ResourceKind.LICENSE, Optional.empty());
  }

  public static ResourceAddress keyset(String controller) {
    return new ResourceAddress(controller, ResourceKind.KEYSET, Optional.empty());
  }

  public static ResourceAddress names(String controller) {
    return new ResourceAddress(controller, ResourceKind.NAMES, Optional.empty());
  }

  public static ResourceAddress peerId(String controller) {
    return new ResourceAddress(controller, ResourceKind.PEER_ID, Optional.empty());
  }

  public static ResourceAddress peer(String controller, int peerId) {
    return new ResourceAddress(controller, ResourceKind.PEER, Optional.of(Integer.toString(peerId)));
  }

  public static ResourceAddress route(String controller, String cidr) {
    return new ResourceAddress(controller, ResourceKind.ROUTE, Optional.of(cidr));
  }

  /**
   * Reads the canonical text form back.
   *
   * @throws IllegalArgumentException if {@code text} is not an address
   */
  public static ResourceAddress parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a resource address: " + text);
    }
    String controller = unescape(m.group(1));
    if (m.group(2) == null) {
      return controller(controller);
    }
    ResourceKind k =
        ResourceKind.byLabel(m.group(2))
            .orElseThrow(() -> new IllegalArgumentException("unknown resource kind in address: " + text));
    Optional<String> key =
        m.group(3) != null
            ? Optional.of(m.group(3))
            : Optional.ofNullable(m.group(4)).map(ResourceAddress::unescape);
    return new ResourceAddress(controller, k, key);
  }

  /** The peer ID of a {@code peer[N]} address. */
  public int peerKey() {
    if (kind != ResourceKind.PEER) {
      throw new IllegalStateException("not a peer address: " + this);
    }
    return Integer.parseInt(key.orElseThrow());
  }

  /** The address of the controller this resource belongs to. */
  public ResourceAddress controllerAddress() {
    return controller(controller);
  }

  @Override
  public int compareTo(ResourceAddress o) {
    int c = controller.compareTo(o.controller);
    if (c != 0) {
      return c;
    }
    c = kind.compareTo(o.kind);
    if (c != 0 || key.isEmpty()) {
      return c;
    }
    // Peer IDs sort numerically (2 before 10), route CIDRs as text.
    return kind.numericKey()
        ? Integer.compare(Integer.parseInt(key.get()), Integer.parseInt(o.key.get()))
        : key.get().compareTo(o.key.get());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("controller[\"").append(escape(controller)).append("\"]");
    if (kind != ResourceKind.CONTROLLER) {
      sb.append('.').append(kind.label());
    }
    key.ifPresent(
        k -> {
          if (kind.numericKey()) {
            sb.append('[').append(k).append(']');
          } else {
            sb.append("[\"").append(escape(k)).append("\"]");
          }
        });
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String unescape(String s) {
    return s.replaceAll("\\\\(.)", "$1");
  }
}
