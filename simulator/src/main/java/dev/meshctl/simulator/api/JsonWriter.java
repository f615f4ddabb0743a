package dev.meshctl.simulator.api;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a compact JSON object from already-encoded parts, byte for byte what encoding the same
 * {@code JsonObject} with {@link Replies} gives. Field names are written as given, unescaped:
 * callers pass only fixed ASCII names and decimal keys.
 */
final class JsonWriter {
  private final Buffer out = Buffer.buffer(4096);
  private boolean first = true;

  JsonWriter() {
    out.appendByte((byte) '{');
  }

  /** Starts a field; its value follows. */
  JsonWriter name(String name) {
    if (!first) {
      out.appendByte((byte) ',');
    }
    first = false;
    out.appendByte((byte) '"').appendString(name, "US-ASCII").appendByte((byte) '"').appendByte((byte) ':');
    return this;
  }

  /** Starts an object as the value of the field just named. */
  JsonWriter open() {
    out.appendByte((byte) '{');
    first = true;
    return this;
  }

  /** Ends the innermost object. */
  JsonWriter close() {
    out.appendByte((byte) '}');
    first = false;
    return this;
  }

  /** An already-encoded value. */
  JsonWriter raw(byte[] encoded) {
    out.appendBytes(encoded);
    first = false;
    return this;
  }

  JsonWriter value(int v) {
    return raw(Integer.toString(v).getBytes(StandardCharsets.US_ASCII));
  }

  JsonWriter value(boolean v) {
    return raw((v ? "true" : "false").getBytes(StandardCharsets.US_ASCII));
  }

  /** The whole object: the outermost one closed. */
  Buffer end() {
    out.appendByte((byte) '}');
    return out;
  }
}
