package dev.meshctl.dsl.model;

/**
 * Where a controller's REST API listens. Written in a spec as {@code host[:port]} (HTTPS, port
 * 8000 as on a real controller) or as {@code http://host:port} / {@code https://host:port}.
 */
public record Endpoint(String scheme, String host, int port) {
  public static final int DEFAULT_PORT = 8000;

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
