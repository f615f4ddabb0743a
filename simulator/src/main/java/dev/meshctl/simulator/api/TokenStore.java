package dev.meshctl.simulator.api;

import dev.meshctl.simulator.state.Timestamps;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A controller's API tokens ({@code /access/token}); accepted in the {@code api-token} header. */
public final class TokenStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One issued token. */
  public record Token(int id, String value, String name, Instant createdAt, Instant expiresAt, boolean refreshes) {
    JsonObject toJson(Instant now) {
      return new JsonObject()
          .put("id", id)
          .put("token", value)
          .put("name", name)
          .put("created_at", Timestamps.access(createdAt))
          .put("expires_at", Timestamps.access(expiresAt))
          .put("lifetime", Long.toString(expiresAt.getEpochSecond() - createdAt.getEpochSecond()))
          .put("refreshes", refreshes)
          .put("expired", !now.isBefore(expiresAt))
          .putNull("last_accessed_at")
          .putNull("last_accessed_ip");
    }
  }

  private final TreeMap<Integer, Token> tokens = new TreeMap<>();
  private int nextId = 1;

  public Token create(String name, long expiresSeconds, boolean refreshes, Instant now) {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    Token t = new Token(nextId++, HexFormat.of().formatHex(b), name, now, now.plusSeconds(expiresSeconds), refreshes);
    tokens.put(t.id(), t);
    return t;
  }

  /** The live token with this value. */
  public Optional<Token> valid(String value, Instant now) {
    return tokens.values().stream().filter(t -> t.value().equals(value) && now.isBefore(t.expiresAt())).findFirst();
  }

  public Optional<Token> get(int id) {
    return Optional.ofNullable(tokens.get(id));
  }

  public boolean remove(int id) {
    return tokens.remove(id) != null;
  }

  public List<Token> all() {
    return List.copyOf(tokens.values());
  }

  public void clear() {
    tokens.clear();
  }
}
