package dev.meshctl.engine.reconcile;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.Sha256;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A mesh.yaml watched tick by tick: when the file's bytes change, it is loaded and validated
 * again; a valid file replaces the spec in effect, an invalid one is reported every tick and the
 * last good spec stays. Only the spec file itself is watched (not the license file or Terraform
 * outputs it names). File I/O runs on a worker thread, never on the event loop.
 */
public final class FileSpecSource implements SpecSource {
  private final Vertx vertx;
  private final Path file;
  private final LoadOptions options;
  private final Masker masker;
  // Guarded by this: polls and the first load run on worker or main threads.
  private MeshSpec good;
  private String seen = "";
  private List<Diagnostic> invalid = List.of();

  public FileSpecSource(Vertx vertx, Path file, LoadOptions options) {
    this(vertx, file, options, new Masker());
  }

  /** @param masker learns the secret values of every load, the first and each reload */
  public FileSpecSource(Vertx vertx, Path file, LoadOptions options, Masker masker) {
    this.vertx = vertx;
    this.file = file;
    this.options = options;
    this.masker = masker;
  }

  /**
   * Loads the file the first time. Blocking: call it before the loop starts, off the event loop.
   * When the result is not {@link LoadResult#ok()}, {@link #poll()} must not be called.
   */
  public synchronized LoadResult loadInitial() {
    seen = hash();
    LoadResult r = SpecLoader.load(file, options);
    masker.registerAll(r.secrets());
    if (r.ok()) {
      good = r.spec().orElseThrow();
    }
    return r;
  }

  /** The spec in effect: the last good one loaded, if any. */
  public synchronized java.util.Optional<MeshSpec> current() {
    return java.util.Optional.ofNullable(good);
  }

  @Override
  public Future<SpecUpdate> poll() {
    return vertx.executeBlocking(this::check, true);
  }

  private synchronized SpecUpdate check() {
    if (good == null) {
      throw new IllegalStateException("no valid spec was loaded from " + file);
    }
    String now = hash();
    if (now.equals(seen)) {
      return invalid.isEmpty()
          ? new SpecUpdate(good, SpecUpdate.Status.UNCHANGED, List.of())
          : new SpecUpdate(good, SpecUpdate.Status.INVALID, invalid);
    }
    seen = now;
    LoadResult r = SpecLoader.load(file, options);
    masker.registerAll(r.secrets());
    if (r.ok()) {
      good = r.spec().orElseThrow();
      invalid = List.of();
      return new SpecUpdate(good, SpecUpdate.Status.RELOADED, List.of());
    }
    invalid = r.diagnostics();
    return new SpecUpdate(good, SpecUpdate.Status.INVALID, invalid);
  }

  /** The file's content hash, or a marker when it cannot be read (the loader says why). */
  private String hash() {
    try {
      return Sha256.hex(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      return "unreadable:" + e.getClass().getSimpleName();
    }
  }
}
