package dev.meshctl.engine.client;

/** A controller's answer does not have the shape the API promises; names the offending field. */
final class WireFormatException extends RuntimeException {
  WireFormatException(String message) {
    super(message, null, false, false);
  }
}
