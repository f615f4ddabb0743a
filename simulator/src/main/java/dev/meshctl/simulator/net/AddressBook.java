package dev.meshctl.simulator.net;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated network's name resolution: which endpoint answers for a private IP, public IP or
 * DNS name. Controllers hosted by this process register themselves; controllers hosted by other
 * simulator processes come from an address map file.
 */
public final class AddressBook {
  private final Map<String, String> entries = new ConcurrentHashMap<>();
  /** {@link #endpointCount()}, counted again after a registration; -1 until then. */
  private volatile int endpointCount = -1;

  /** Makes {@code address} resolve to {@code endpoint} ({@code scheme://host:port}). */
  public void register(String address, String endpoint) {
    entries.put(key(address), normalize(endpoint));
    endpointCount = -1;
  }

  /** How many distinct endpoints answer for some address. */
  public int endpointCount() {
    int n = endpointCount;
    if (n < 0) {
      n = new HashSet<>(entries.values()).size();
      endpointCount = n;
    }
    return n;
  }

  /** The endpoint answering for {@code address}, if any. */
  public Optional<String> resolve(String address) {
    if (address == null) {
      return Optional.empty();
    }
    // Addresses are almost always stored as written: skip normalizing (an allocation) on a hit.
    String endpoint = entries.get(address);
    return Optional.ofNullable(endpoint != null ? endpoint : entries.get(key(address)));
  }

  /**
   * Reads an address map: one {@code ADDRESS ENDPOINT} pair a line, {@code #} starts a comment,
   * e.g. {@code 10.0.2.10 https://127.0.0.2:8000}.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed entry
   */
  public void load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] parts = content.split("\\s+");
      String where = file + ":" + (i + 1) + ": ";
      if (parts.length != 2) {
        throw new IllegalArgumentException(where + "expected 'ADDRESS ENDPOINT', got '" + content + "'");
      }
      try {
        register(parts[0], parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage());
      }
    }
  }

  /** {@code scheme://host:port} in one canonical form, so endpoints compare as strings. */
  public static String normalize(String endpoint) {
    try {
      URI u = new URI(endpoint.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw new IllegalArgumentException("'" + endpoint + "' is not an http(s)://host:port endpoint");
      }
      int port = u.getPort() > 0 ? u.getPort() : 8000;
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + endpoint + "' is not an http(s)://host:port endpoint");
    }
  }

  private static String key(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
