package dev.meshctl.simulator.license;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A license the simulator issues: a signed text block naming how many controllers the topology
 * may have. Simulated controllers accept only these ("Bad license" for anything else), and the
 * controller count bounds the valid peer IDs, as on a real VNS3 license.
 *
 * <p>The signature is an HMAC-SHA256 with a key built into the simulator: it is not a security
 * boundary, only a way to tell a simulator license from arbitrary text.
 *
 * @param licenseId unique per issued license; two topologies with different licenses never share
 *     a keyset checksum
 * @param controllers how many controllers the license allows
 */
public record SimLicense(String licenseId, int controllers) {
  public static final String BEGIN = "-----BEGIN MESHCTL SIMULATOR LICENSE-----";
  public static final String END = "-----END MESHCTL SIMULATOR LICENSE-----";
  public static final int MAX_CONTROLLERS = 4096;
  private static final byte[] KEY =
      "meshctl-simulator-license-v1:not-a-secret-just-a-format-check".getBytes(StandardCharsets.UTF_8);

  public SimLicense {
    if (controllers < 1 || controllers > MAX_CONTROLLERS) {
      throw new IllegalArgumentException(
          "a license covers 1.." + MAX_CONTROLLERS + " controllers, got " + controllers);
    }
    if (!licenseId.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("license id must be letters, digits and '-'");
    }
  }

  /** A new license for {@code controllers} controllers with a random id. */
  public static SimLicense issue(int controllers) {
    return new SimLicense(UUID.randomUUID().toString(), controllers);
  }

  /** The license file's text. */
  public String text() {
    return BEGIN
        + "\n"
        + "license-id: " + licenseId + "\n"
        + "controllers: " + controllers + "\n"
        + "capabilities: peering, routing\n"
        + "signature: " + sign(licenseId, controllers) + "\n"
        + END
        + "\n";
  }

  /** The last text parsed and its result: handlers parse the same license on every request. */
  private record Parsed(String text, Optional<SimLicense> license) {}

  private static volatile Parsed last = new Parsed("", Optional.empty());

  /** The license in {@code text}, if it is one the simulator issued and untouched. */
  public static Optional<SimLicense> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Parsed p = last;
    if (p.text().equals(text)) {
      return p.license();
    }
    Optional<SimLicense> license = parseUncached(text);
    last = new Parsed(text, license);
    return license;
  }

  private static Optional<SimLicense> parseUncached(String text) {
    String t = text.strip();
    if (!t.startsWith(BEGIN) || !t.endsWith(END)) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : t.substring(BEGIN.length(), t.length() - END.length()).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    try {
      String id = fields.get("license-id");
      int n = Integer.parseInt(fields.getOrDefault("controllers", ""));
      String sig = fields.getOrDefault("signature", "");
      if (id == null || !sign(id, n).equals(sig)) {
        return Optional.empty();
      }
      return Optional.of(new SimLicense(id, n));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String sign(String id, int controllers) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      byte[] sig = mac.doFinal((id + "|" + controllers).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
