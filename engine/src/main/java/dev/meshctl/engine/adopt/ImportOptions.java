package dev.meshctl.engine.adopt;

import java.util.Optional;

/**
 * What the written spec says about things a controller cannot tell: where its secrets come from
 * and how its certificate is trusted. Secrets are only ever named, as {@code ${env:NAME}}.
 *
 * @param username the API user
 * @param passwordEnv the variable holding the API password, if password authentication is used
 * @param tokenEnv the variable holding the API token, if token authentication is used
 * @param keysetTokenEnv the variable that will hold the keyset token
 * @param caFile a CA file, as the user wrote it
 * @param fingerprint a pinned SHA-256 certificate fingerprint
 * @param insecure whether certificates are not checked
 * @param licenseFile where the spec expects the license file
 * @param allowPlainHttp whether an http:// endpoint was allowed (written as {@code
 *     tls.allow_plain_http}, which the spec needs for it)
 */
public record ImportOptions(
    String username,
    Optional<String> passwordEnv,
    Optional<String> tokenEnv,
    String keysetTokenEnv,
    Optional<String> caFile,
    Optional<String> fingerprint,
    boolean insecure,
    String licenseFile,
    boolean allowPlainHttp) {
  public static final String DEFAULT_PASSWORD_ENV = "VNS3_API_PASSWORD";
  public static final String DEFAULT_KEYSET_TOKEN_ENV = "VNS3_KEYSET_TOKEN";
  public static final String DEFAULT_LICENSE_FILE = "./license.txt";

  /** Options for HTTPS endpoints only. */
  public ImportOptions(
      String username,
      Optional<String> passwordEnv,
      Optional<String> tokenEnv,
      String keysetTokenEnv,
      Optional<String> caFile,
      Optional<String> fingerprint,
      boolean insecure,
      String licenseFile) {
    this(username, passwordEnv, tokenEnv, keysetTokenEnv, caFile, fingerprint, insecure, licenseFile, false);
  }
}
