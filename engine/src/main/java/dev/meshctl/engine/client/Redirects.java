package dev.meshctl.engine.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Where a refused redirect pointed, fit to print: resolved against the API's base URL, without
 * the user info, query or fragment that could carry a secret, and with control characters shown
 * as escapes.
 */
final class Redirects {
  private Redirects() {}

  static String shown(String location, String baseUrl) {
    if (location == null || location.isBlank()) {
      return "(no Location header)";
    }
    try {
      URI to = URI.create(baseUrl).resolve(new URI(location.strip()));
      String host = to.getHost() == null ? "" : to.getHost();
      String port = to.getPort() < 0 ? "" : ":" + to.getPort();
      String path = to.getRawPath() == null ? "" : to.getRawPath();
      return ControllerText.clean(to.getScheme() + "://" + host + port + path, List.of());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "an unreadable Location header";
    }
  }
}
