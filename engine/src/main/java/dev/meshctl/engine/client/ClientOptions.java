package dev.meshctl.engine.client;

/**
 * How a {@link Vns3Client} retries and waits, and the largest answer it reads; credentials, TLS
 * and timeouts come from the controller's spec.
 *
 * @param maxAnswerBytes the largest answer body read, counted as it arrives: a longer one is
 *     cut off and reported as "answer larger than ...", so memory stays bounded whatever a
 *     controller sends. The largest real answer (the routes of a big mesh) is tens of KB.
 */
public record ClientOptions(RetryPolicy retry, WaitPolicy waits, long maxAnswerBytes) {
  /** 4 MiB: a hundred times the largest answer a real controller gives. */
  public static final long DEFAULT_MAX_ANSWER_BYTES = 4L << 20;

  /** Settings for real controllers. */
  public static final ClientOptions DEFAULT = new ClientOptions(RetryPolicy.DEFAULT, WaitPolicy.VNS3);

  /** Settings for simulated controllers, which reboot and build keysets in moments. */
  public static final ClientOptions SIMULATED =
      new ClientOptions(RetryPolicy.DEFAULT, WaitPolicy.SIMULATED);

  public ClientOptions {
    if (maxAnswerBytes < 1024) {
      throw new IllegalArgumentException("maxAnswerBytes must be at least 1 KiB: " + maxAnswerBytes);
    }
  }

  /** With the default answer cap. */
  public ClientOptions(RetryPolicy retry, WaitPolicy waits) {
    this(retry, waits, DEFAULT_MAX_ANSWER_BYTES);
  }

  public ClientOptions withMaxAnswerBytes(long bytes) {
    return new ClientOptions(retry, waits, bytes);
  }
}
