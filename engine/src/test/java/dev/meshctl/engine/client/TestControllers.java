package dev.meshctl.engine.client;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** Controller specs and client options for tests against local servers. */
public final class TestControllers {
  public static final Secret PASSWORD = Secret.of("s3cret-pw");

  /** Quick retries with a seeded jitter, so tests are fast and repeatable. */
  public static final RetryPolicy FAST_RETRY =
      new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), 0.5, () -> new Random(42));

  public static final WaitPolicy FAST_WAIT =
      new WaitPolicy(Duration.ofMillis(20), 3, Duration.ofMillis(300), Duration.ofMillis(500));

  public static final ClientOptions FAST = new ClientOptions(FAST_RETRY, FAST_WAIT);

  private TestControllers() {}

  /** A controller at {@code scheme://host:port}, basic auth as {@code api}, 2 s request timeout. */
  public static ControllerSpec controller(String name, String scheme, String host, int port, TlsSpec tls) {
    return withAccess(
        name,
        new Endpoint(scheme, host, port),
        new ApiAccess("api", Optional.of(PASSWORD), Optional.empty(), tls, Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  public static ControllerSpec http(String name, int port) {
    return controller(name, "http", "127.0.0.1", port, TlsSpec.SYSTEM);
  }

  public static ControllerSpec withAccess(String name, Endpoint endpoint, ApiAccess api) {
    return new ControllerSpec(
        name, endpoint, "10.0.1.10", "10.0.1.0/24", Optional.empty(), Optional.empty(), OptionalInt.of(1), Optional.empty(), api, List.of());
  }

  public static ControllerSpec withRequestTimeout(ControllerSpec c, Duration timeout) {
    ApiAccess a = c.api();
    return withAccess(
        c.name(),
        c.endpoint(),
        new ApiAccess(a.username(), a.password(), a.token(), a.tls(), a.connectTimeout(), timeout));
  }

  public static ControllerSpec withToken(ControllerSpec c, Secret token) {
    ApiAccess a = c.api();
    return withAccess(
        c.name(),
        c.endpoint(),
        new ApiAccess(a.username(), Optional.empty(), Optional.of(token), a.tls(), a.connectTimeout(), a.requestTimeout()));
  }
}
