package dev.meshctl.engine.client;

/**
 * How a {@link Vns3Client} retries and waits; credentials, TLS and timeouts come from the
 * controller's spec.
 */
public record ClientOptions(RetryPolicy retry, WaitPolicy waits) {
  /** Settings for real controllers. */
  public static final ClientOptions DEFAULT = new ClientOptions(RetryPolicy.DEFAULT, WaitPolicy.VNS3);

  /** Settings for simulated controllers, which reboot and build keysets in moments. */
  public static final ClientOptions SIMULATED =
      new ClientOptions(RetryPolicy.DEFAULT, WaitPolicy.SIMULATED);
}
