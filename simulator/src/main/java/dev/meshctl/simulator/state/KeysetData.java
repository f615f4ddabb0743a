package dev.meshctl.simulator.state;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * A controller's keyset and its last background job.
 *
 * @param checksum present once a keyset exists
 * @param uuid the keyset's id, shared by every controller that downloaded it
 * @param createdAt when the keyset was generated
 * @param startedAt when the current or last background job started
 * @param inProgress a generation or download is running
 * @param tokenHash SHA-256 of the token the keyset was made with (the token itself is never kept)
 * @param job counts background jobs, so a finished job can tell it is still the current one
 */
public record KeysetData(
    Optional<String> checksum,
    Optional<String> uuid,
    Optional<Instant> createdAt,
    Optional<Instant> startedAt,
    boolean inProgress,
    Optional<String> tokenHash,
    long job) {

  public static final KeysetData NONE =
      new KeysetData(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), 0);

  public boolean present() {
    return checksum.isPresent();
  }

  /** A new background job starts now. */
  public KeysetData started(Instant now) {
    // started_at_i has one-second resolution and clients compare it to tell a failed attempt
    // from the running one, so each attempt gets a later second than the last.
    Instant at = now;
    if (startedAt.isPresent() && at.getEpochSecond() <= startedAt.get().getEpochSecond()) {
      at = Instant.ofEpochSecond(startedAt.get().getEpochSecond() + 1);
    }
    return new KeysetData(checksum, uuid, createdAt, Optional.of(at), true, tokenHash, job + 1);
  }

  /** The running job failed: nothing to show but its start time. */
  public KeysetData failed() {
    return new KeysetData(checksum, uuid, createdAt, startedAt, false, tokenHash, job);
  }

  /** The running job produced a keyset. */
  public KeysetData done(String sum, String id, Instant created, String tokenSha256) {
    return new KeysetData(
        Optional.of(sum), Optional.of(id), Optional.of(created), startedAt, false, Optional.of(tokenSha256), job);
  }

  /** The wire form (KeysetStatus schema). */
  public JsonObject toJson() {
    JsonObject o =
        new JsonObject()
            .put("keyset_present", present())
            .put("in_progress", inProgress)
            .put("running", inProgress ? 1 : 0);
    checksum.ifPresent(c -> o.put("checksum", c));
    uuid.ifPresent(u -> o.put("uuid", u));
    createdAt.ifPresent(t -> o.put("created_at", Timestamps.keyset(t)).put("created_at_i", t.getEpochSecond()));
    startedAt.ifPresent(t -> o.put("started_at", Timestamps.keyset(t)).put("started_at_i", t.getEpochSecond()));
    return o;
  }

  /** The persisted form: a job that was running when the appliance stopped did not finish. */
  public JsonObject toState() {
    JsonObject o = toJson().put("in_progress", false);
    tokenHash.ifPresent(h -> o.put("token_sha256", h));
    createdAt.ifPresent(t -> o.put("created_at", t.toString()));
    startedAt.ifPresent(t -> o.put("started_at", t.toString()));
    return o;
  }

  public static KeysetData fromState(JsonObject o) {
    if (o == null) {
      return NONE;
    }
    return new KeysetData(
        Optional.ofNullable(o.getString("checksum")),
        Optional.ofNullable(o.getString("uuid")),
        Optional.ofNullable(o.getString("created_at")).map(Instant::parse),
        Optional.ofNullable(o.getString("started_at")).map(Instant::parse),
        false,
        Optional.ofNullable(o.getString("token_sha256")),
        0);
  }
}
