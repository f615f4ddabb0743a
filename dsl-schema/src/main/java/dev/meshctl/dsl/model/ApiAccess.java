package dev.meshctl.dsl.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Credentials and transport settings for one controller's API, after merging the spec's shared
 * defaults with the controller's own values. Exactly one of {@code password} and {@code token} is
 * present.
 */
public record ApiAccess(
    String username,
    Optional<Secret> password,
    Optional<Secret> token,
    TlsSpec tls,
    Duration connectTimeout,
    Duration requestTimeout) {
  public static final String DEFAULT_USERNAME = "api";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
}
