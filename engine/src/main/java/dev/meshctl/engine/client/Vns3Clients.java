package dev.meshctl.engine.client;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.TlsSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the {@link Vns3Client} of a controller from its spec. */
public final class Vns3Clients {
  /** The longest status line and header block read (Netty's default); a VNS3 answer's are short. */
  static final int MAX_HEADER_BYTES = 8192;

  private Vns3Clients() {}

  /**
   * A client for {@code c}: its endpoint, its credentials (basic auth, or an API token in the
   * {@value WebVns3Client#TOKEN_HEADER} header), its TLS trust (a CA file, a pinned SHA-256
   * fingerprint of the leaf certificate, or insecure: trust all, no host name check) and its
   * connect and request timeouts. It never follows a redirect, never asks for a compressed
   * answer, and reads at most {@link ClientOptions#maxAnswerBytes} of an answer.
   *
   * <p>Never fails: TLS settings that cannot be used (an unreadable CA file) make every call
   * fail with a {@link Vns3Error.Tls} that says why.
   */
  public static Vns3Client create(Vertx vertx, ControllerSpec c, ClientOptions o) {
    ApiAccess api = c.api();
    HttpClientOptions web =
        new HttpClientOptions()
            .setConnectTimeout(Math.toIntExact(api.connectTimeout().toMillis()))
            .setKeepAlive(true)
            // An answer that asks for more is refused unread rather than decompressed: no bomb.
            .setDecompressionSupported(false)
            .setMaxHeaderSize(MAX_HEADER_BYTES)
            .setMaxInitialLineLength(MAX_HEADER_BYTES);
    Optional<String> problem = Optional.empty();
    if (c.endpoint().tls()) {
      web.setSsl(true);
      problem = trust(web, api.tls());
    }
    WebVns3Client.Auth auth =
        api.token().isPresent()
            ? new WebVns3Client.Auth.Token(api.token().get())
            : new WebVns3Client.Auth.Basic(
                api.username(),
                api.password().orElseThrow(() -> new IllegalArgumentException(
                    "controller \"" + c.name() + "\" has neither an API password nor a token")));
    return new WebVns3Client(
        vertx,
        vertx.httpClientBuilder()
            .with(web)
            // The request that met the failure reports it, once, naming the controller and the
            // call; without a handler Vert.x also logs it as SEVERE on the terminal.
            .withConnectHandler(connection -> connection.exceptionHandler(e -> {}))
            .build(),
        c.name(),
        c.endpoint().baseUrl(),
        auth,
        api.requestTimeout(),
        o,
        problem);
  }

  /** Configures trust on {@code web}; answers why it could not, if so. */
  private static Optional<String> trust(HttpClientOptions web, TlsSpec tls) {
    if (tls.insecure()) {
      web.setTrustAll(true).setVerifyHost(false);
      return Optional.empty();
    }
    if (tls.sha256Fingerprint().isPresent()) {
      // Controllers have self-signed certificates for whatever name: the pin is the identity.
      web.setTrustOptions(
              TrustOptions.wrap(new PinnedCertificateTrustManager(tls.sha256Fingerprint().get())))
          .setVerifyHost(false);
      return Optional.empty();
    }
    if (tls.caFile().isPresent()) {
      Path ca = tls.caFile().get();
      if (!Files.isReadable(ca)) {
        return Optional.of("CA file " + ca + " cannot be read");
      }
      web.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()));
    }
    return Optional.empty();
  }
}
