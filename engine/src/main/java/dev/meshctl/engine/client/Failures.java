package dev.meshctl.engine.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns what Vert.x and Netty throw into a {@link Vns3Error}: the one place that knows which
 * exception means "never connected", "connection broke" or "no answer in time".
 */
final class Failures {
  private Failures() {}

  static Vns3Error classify(String controller, String call, Throwable t, long timeoutMillis) {
    Optional<Vns3Error> known = Vns3Exception.errorOf(t);
    if (known.isPresent()) {
      return known.get();
    }
    Optional<PinnedCertificateTrustManager.FingerprintMismatchException> pin =
        find(t, PinnedCertificateTrustManager.FingerprintMismatchException.class);
    if (pin.isPresent()) {
      return new Vns3Error.Tls(controller, call, pin.get().getMessage());
    }
    Optional<SSLException> ssl = find(t, SSLException.class);
    if (ssl.isPresent() && brokenConnection(t)) {
      // A rebooting controller closes its listener mid-handshake: down, not a trust problem.
      return new Vns3Error.Unreachable(
          controller, call, "connection closed during the TLS handshake", false);
    }
    if (ssl.isPresent()) {
      return new Vns3Error.Tls(controller, call, "TLS handshake failed: " + rootMessage(ssl.get()));
    }
    if (find(t, UnknownHostException.class).isPresent()) {
      return new Vns3Error.Unreachable(controller, call, "unknown host", false);
    }
    // Netty's ConnectTimeoutException is a ConnectException: either way nothing was sent.
    Optional<ConnectException> connect = find(t, ConnectException.class);
    if (connect.isPresent() || find(t, NoRouteToHostException.class).isPresent()) {
      String m = lower(connect.map(Throwable::getMessage).orElse(""));
      String detail =
          m.contains("timed out") || connect.map(c -> c.getClass().getSimpleName().contains("Timeout")).orElse(false)
              ? "connect timed out"
              : m.contains("refused") ? "connection refused" : "cannot connect";
      return new Vns3Error.Unreachable(controller, call, detail, false);
    }
    Optional<Throwable> tooLong = tooLong(t);
    if (tooLong.isPresent()) {
      // Netty's TooLongHttpHeaderException / TooLongHttpLineException: cut off, not a network fault.
      return new Vns3Error.MalformedResponse(
          controller,
          call,
          (tooLong.get().getClass().getSimpleName().contains("Line") ? "status line" : "answer headers")
              + " longer than " + size(Vns3Clients.MAX_HEADER_BYTES));
    }
    if (isTimeout(t)) {
      return new Vns3Error.Timeout(
          controller, call, "no answer within " + seconds(timeoutMillis));
    }
    String m = lower(rootMessage(t));
    if (m.contains("reset")) {
      return new Vns3Error.Unreachable(controller, call, "connection reset", true);
    }
    if (m.contains("closed")) {
      return new Vns3Error.Unreachable(controller, call, "connection closed before the answer", true);
    }
    return new Vns3Error.Unreachable(
        controller, call, "connection failed: " + ControllerText.clean(rootMessage(t), java.util.List.of()), true);
  }

  private static boolean brokenConnection(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      String m = lower(c.getMessage());
      if (c instanceof java.nio.channels.ClosedChannelException
          || m.contains("connection reset")
          || m.contains("broken pipe")
          || m.contains("connection closed")
          || m.contains("channel closed")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Throwable> tooLong(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c.getClass().getSimpleName().startsWith("TooLong")) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static boolean isTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.util.concurrent.TimeoutException
          || c.getClass().getSimpleName().contains("Timeout")
          || lower(c.getMessage()).contains("timeout period")) {
        return true;
      }
    }
    return false;
  }

  static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** {@code 4 MiB}, {@code 512 KiB}, {@code 100 bytes}. */
  static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return bytes / (1 << 20) + " MiB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return bytes / (1 << 10) + " KiB";
    }
    return bytes + " bytes";
  }

  private static <E extends Throwable> Optional<E> find(Throwable t, Class<E> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return Optional.of(type.cast(c));
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
