package dev.meshctl.engine.lock;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The apply lock as it is stored on the root controller: who holds it, since when, and until when
 * it stands without renewal. It holds no secret.
 *
 * @param holder who runs the apply, {@code user@host:pid}
 * @param id a random id of this one apply run, to tell our lease from another run's
 * @param acquiredAt when it was taken
 * @param expiresAt when it lapses unless renewed; a lapsed lease may be taken over
 */
public record Lease(String holder, String id, Instant acquiredAt, Instant expiresAt) {

  /** Whether the lease has lapsed at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The same lease, renewed to last {@code length} from {@code now}. */
  public Lease renewedAt(Instant now, Duration length) {
    return new Lease(holder, id, acquiredAt, now.plus(length));
  }

  public String toJson() {
    return new JsonObject()
        .put("holder", holder)
        .put("id", id)
        .put("acquired_at", acquiredAt.toString())
        .put("expires_at", expiresAt.toString())
        .encode();
  }

  /**
   * Reads a stored lease; a value that is not one (edited by hand, another tool) is empty, and is
   * treated as a lapsed lease so that it never blocks the mesh forever.
   */
  public static Optional<Lease> parse(String json) {
    try {
      JsonObject o = new JsonObject(json);
      return Optional.of(
          new Lease(
              o.getString("holder", "unknown"),
              o.getString("id", ""),
              Instant.parse(o.getString("acquired_at")),
              Instant.parse(o.getString("expires_at"))));
    } catch (RuntimeException e) {
      // DecodeException, a missing field or an unparsable instant alike.
      return Optional.empty();
    }
  }

  /** {@code alice@build-3:4242 since 2026-01-01T10:00:00Z (expires 2026-01-01T10:01:00Z)}. */
  public String describe() {
    return holder + " since " + acquiredAt + " (expires " + expiresAt + ")";
  }
}
