package dev.meshctl.dsl.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a controller's REST API listens. Written in a spec as {@code host[:port]} (HTTPS, port
 * 8000 as on a real controller) or as {@code http://host:port} / {@code https://host:port}.
 */
public record Endpoint(String scheme, String host, int port) {
  public static final int DEFAULT_PORT = 8000;

  /** What {@link #parse} accepts, for messages. */
  public static final String FORMS = "host[:port], https://host[:port] or http://host[:port]";

  private static final Pattern FORM =
      Pattern.compile(
          "(?:(https?)://)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\\d{1,5}))?/?");

  /**
   * Parses {@code host[:port]} (HTTPS), {@code https://host[:port]} or {@code http://host[:port]};
   * the port defaults to {@value #DEFAULT_PORT}. IPv6 hosts are written in brackets.
   */
  public static Optional<Endpoint> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
    if (port < 1 || port > 65535) {
      return Optional.empty();
    }
    String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
    return Optional.of(new Endpoint(m.group(1) == null ? "https" : m.group(1), host, port));
  }

  public boolean tls() {
    return "https".equals(scheme);
  }

  /** The API's base URL, e.g. {@code https://10.0.1.10:8000/api}. */
  public String baseUrl() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + h + ":" + port + "/api";
  }

  @Override
  public String toString() {
    return (tls() ? "" : scheme + "://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
