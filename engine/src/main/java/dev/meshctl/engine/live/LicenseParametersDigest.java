package dev.meshctl.engine.live;

import dev.meshctl.dsl.model.LicenseParameters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one digest of license parameters that both sides compare: the spec's {@link
 * LicenseParameters} and what a controller reports in {@code GET /license}, mapped to {@link
 * LicenseParameters} too (see {@link LicenseState#parametersDigest()}).
 *
 * <p>Values are normalised first so that equal parameters written differently digest the same:
 * whitespace-separated lists are re-joined with single spaces, and client addresses, which a
 * request gives as comma-separated addresses and ranges ({@code 10.0.0.5-10.0.0.9}) but a license
 * reports one by one, are expanded and sorted.
 */
public final class LicenseParametersDigest {
  /** The digest of {@code {"default": true}}: the license's own addressing. */
  public static final String DEFAULT = "default";

  /** Ranges larger than this are kept as written rather than expanded. */
  private static final long MAX_EXPANDED_RANGE = 65_536;

  private LicenseParametersDigest() {}

  /** The digest of {@code p}: {@value #DEFAULT}, or 16 hex digits of a SHA-256. */
  public static String of(LicenseParameters p) {
    if (p.useDefault()) {
      return DEFAULT;
    }
    String canonical =
        "subnet="
            + p.subnet().map(String::strip).orElse("")
            + "\nmanagers="
            + String.join(" ", words(String.join(" ", p.managers())))
            + "\nasns="
            + String.join(" ", words(p.asns().orElse("")))
            + "\nclients="
            + String.join(",", clients(p.clients().orElse("")))
            + "\nvip="
            + p.myManagerVip().map(String::strip).orElse("");
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * How the parameters a license reports differ from the spec's, one line per field ({@code
   * subnet: spec 10.9.0.0/24, license 100.64.0.0/16}); empty when they agree. This is the one
   * judgement both {@code diff} and apply's verification make.
   *
   * <p>Only what both sides give is compared: a field the spec leaves out is the controller's to
   * choose, and a field the license does not report cannot be judged (the SDK's recorded {@code
   * LicenseDetail} has no {@code my_manager_vip} although the same topology accepted one). The
   * license lists a manager and an ASN for every controller it allows, the spec may name fewer,
   * so managers and ASNs compare as the spec's list against the start of the license's.
   */
  public static List<String> differences(LicenseParameters want, LicenseParameters live) {
    List<String> out = new ArrayList<>();
    if (want.useDefault() != live.useDefault()) {
      out.add(
          want.useDefault()
              ? "addressing: spec default, license custom"
              : "addressing: spec custom, license default");
      return out;
    }
    if (want.useDefault()) {
      return out;
    }
    if (want.subnet().isPresent() && live.subnet().isPresent()
        && !want.subnet().get().strip().equals(live.subnet().get().strip())) {
      out.add("subnet: spec " + want.subnet().get().strip() + ", license " + live.subnet().get().strip());
    }
    compareLists(out, "managers", words(String.join(" ", want.managers())), words(String.join(" ", live.managers())));
    compareLists(out, "asns", words(want.asns().orElse("")), words(live.asns().orElse("")));
    if (want.clients().isPresent() && live.clients().isPresent()) {
      List<String> w = clients(want.clients().get());
      List<String> l = clients(live.clients().get());
      if (!w.equals(l)) {
        out.add("clients: spec " + String.join(",", w) + ", license " + String.join(",", l));
      }
    }
    if (want.myManagerVip().isPresent() && live.myManagerVip().isPresent()
        && !want.myManagerVip().get().strip().equals(live.myManagerVip().get().strip())) {
      out.add("my_manager_vip: spec " + want.myManagerVip().get().strip() + ", license " + live.myManagerVip().get().strip());
    }
    return out;
  }

  private static void compareLists(List<String> out, String field, List<String> want, List<String> live) {
    if (want.isEmpty() || live.isEmpty()) {
      return;
    }
    if (live.size() < want.size() || !live.subList(0, want.size()).equals(want)) {
      out.add(field + ": spec " + String.join(" ", want) + ", license " + String.join(" ", live));
    }
  }

  private static List<String> words(String s) {
    return Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  /** Client addresses, ranges expanded, sorted by address. */
  static List<String> clients(String s) {
    List<String> out = new ArrayList<>();
    for (String item : s.split("[,\\s]+")) {
      if (item.isEmpty()) {
        continue;
      }
      int dash = item.indexOf('-');
      Optional<Long> from = dash > 0 ? ipv4(item.substring(0, dash)) : Optional.empty();
      Optional<Long> to = dash > 0 ? ipv4(item.substring(dash + 1)) : Optional.empty();
      if (from.isPresent() && to.isPresent() && to.get() >= from.get()
          && to.get() - from.get() < MAX_EXPANDED_RANGE) {
        for (long a = from.get(); a <= to.get(); a++) {
          out.add(ipv4Text(a));
        }
      } else {
        out.add(item);
      }
    }
    return out.stream()
        .distinct()
        .sorted(
            (x, y) -> {
              Optional<Long> a = ipv4(x);
              Optional<Long> b = ipv4(y);
              return a.isPresent() && b.isPresent() ? Long.compare(a.get(), b.get()) : x.compareTo(y);
            })
        .collect(Collectors.toList());
  }

  private static Optional<Long> ipv4(String s) {
    String[] parts = s.strip().split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long v = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      v = v * 256 + octet;
    }
    return Optional.of(v);
  }

  private static String ipv4Text(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }
}
