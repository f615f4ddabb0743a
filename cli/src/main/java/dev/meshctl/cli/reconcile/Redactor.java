package dev.meshctl.cli.reconcile;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The last line of defence for log output: every secret value of the spec in effect (API
 * passwords and tokens, the keyset token, the license text and its lines) is replaced by {@value
 * Secret#REDACTED} before a line is written. Secrets are {@link Secret}s everywhere and never put
 * in messages; this catches a controller echoing one back in an error text.
 */
public final class Redactor {
  /** Shorter values (a license's blank or one-word lines) would redact ordinary words. */
  private static final int MIN_LENGTH = 6;

  private final Supplier<Optional<MeshSpec>> spec;
  private MeshSpec cachedFor;
  private List<String> cached = List.of();

  /** @param spec the spec in effect, read at each line (it changes when the file is reloaded) */
  public Redactor(Supplier<Optional<MeshSpec>> spec) {
    this.spec = spec;
  }

  /** {@code line} with every secret value replaced. */
  public synchronized String redact(String line) {
    String out = line;
    for (String s : secrets()) {
      out = out.replace(s, Secret.REDACTED);
    }
    return out;
  }

  private List<String> secrets() {
    MeshSpec now = spec.get().orElse(null);
    if (now != cachedFor) {
      cachedFor = now;
      cached = now == null ? List.of() : collect(now);
    }
    return cached;
  }

  private static List<String> collect(MeshSpec spec) {
    Set<String> values = new LinkedHashSet<>();
    values.add(spec.keysetToken().reveal());
    String license = spec.license().text().reveal();
    values.add(license.strip());
    license.lines().map(String::strip).forEach(values::add);
    for (ControllerSpec c : spec.controllers()) {
      ApiAccess api = c.api();
      api.password().map(Secret::reveal).ifPresent(values::add);
      api.token().map(Secret::reveal).ifPresent(values::add);
    }
    // Longest first: a secret containing another is replaced whole.
    return values.stream()
        .filter(v -> v.length() >= MIN_LENGTH)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }
}
