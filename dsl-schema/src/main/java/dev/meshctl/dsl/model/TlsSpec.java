package dev.meshctl.dsl.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How meshctl trusts a controller's certificate. Exactly one of: a CA file, a pinned SHA-256
 * fingerprint of the leaf certificate, or {@code insecure} (asked for explicitly, warned about).
 * With none of them, the JVM's default trust store applies.
 *
 * @param allowPlainHttp an {@code http://} endpoint was allowed explicitly, although it sends the
 *     API password or token unencrypted (warned about; refused without it)
 */
public record TlsSpec(
    Optional<Path> caFile, Optional<String> sha256Fingerprint, boolean insecure, boolean allowPlainHttp) {
  public static final TlsSpec SYSTEM = new TlsSpec(Optional.empty(), Optional.empty(), false);

  /** Trust settings for an HTTPS endpoint. */
  public TlsSpec(Optional<Path> caFile, Optional<String> sha256Fingerprint, boolean insecure) {
    this(caFile, sha256Fingerprint, insecure, false);
  }
}
