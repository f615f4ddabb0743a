package dev.meshctl.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every {@code /api} answer the simulator gave during this test run, for the contract test. */
final class Recorded {
  /** One answer: request method and path, status and body text. */
  record Exchange(String method, String path, int status, String contentType, String body) {}

  static final List<Exchange> ALL = new CopyOnWriteArrayList<>();

  private Recorded() {}
}
