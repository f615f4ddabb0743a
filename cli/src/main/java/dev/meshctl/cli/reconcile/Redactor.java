package dev.meshctl.cli.reconcile;

import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The last line of defence for log output: every secret value of the spec in effect (API
 * passwords and tokens, the keyset token, the license text and its lines) and every value the
 * run's {@link Masker} holds (what {@code ${env:...}} and {@code ${file:...}} resolved to) is
 * replaced by {@value Secret#REDACTED} before a line is written. Secrets are {@link Secret}s
 * everywhere and never put in messages; this catches a controller echoing one back in an error
 * text, or a secret referenced from a field that is not secret.
 */
public final class Redactor {
  private final Supplier<Optional<MeshSpec>> spec;
  private final Masker masker;
  private MeshSpec registeredFor;

  /** @param spec the spec in effect, read at each line (it changes when the file is reloaded) */
  public Redactor(Supplier<Optional<MeshSpec>> spec) {
    this(spec, new Masker());
  }

  /**
   * @param spec the spec in effect, read at each line (it changes when the file is reloaded)
   * @param masker the run's masker, which the spec's secrets are added to
   */
  public Redactor(Supplier<Optional<MeshSpec>> spec, Masker masker) {
    this.spec = spec;
    this.masker = masker;
  }

  /** {@code line} with every secret value replaced. */
  public synchronized String redact(String line) {
    MeshSpec now = spec.get().orElse(null);
    if (now != null && now != registeredFor) {
      registeredFor = now;
      register(now);
    }
    return masker.mask(line);
  }

  private void register(MeshSpec spec) {
    masker.register(spec.keysetToken().reveal());
    masker.register(spec.license().text().reveal());
    for (ControllerSpec c : spec.controllers()) {
      ApiAccess api = c.api();
      api.password().map(Secret::reveal).ifPresent(masker::register);
      api.token().map(Secret::reveal).ifPresent(masker::register);
    }
  }
}
