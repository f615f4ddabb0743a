package dev.meshctl.cli;

import dev.meshctl.cli.views.View;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import dev.meshctl.engine.pipeline.Judged;
import dev.meshctl.engine.pipeline.MeshPipeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * A loaded spec with a Vert.x instance and an API client per controller, for commands that talk
 * to controllers (diff, plan, graph, apply). The CLI boundary: the only place that waits for a
 * future by blocking. Close it to release the clients and Vert.x.
 */
final class MeshSession implements AutoCloseable {
  private final MeshSpec spec;
  private final Vertx vertx;
  private final Map<String, Vns3Client> clients;
  private final View view;
  private final PrintWriter err;

  private MeshSession(MeshSpec spec, Vertx vertx, Map<String, Vns3Client> clients, View view, PrintWriter err) {
    this.spec = spec;
    this.vertx = vertx;
    this.clients = clients;
    this.view = view;
    this.err = err;
  }

  /**
   * Loads the spec and reports its diagnostics to {@code view}; with errors, answers empty and no
   * request is sent. Otherwise builds one client per controller. Insecure TLS is among the
   * spec's warnings, once per block that sets it, naming the controllers it covers.
   */
  static Optional<MeshSession> open(
      Path file, LoadOptions options, ClientOptions clientOptions, View view, PrintWriter err) {
    LoadResult loaded = SpecLoader.load(file, options);
    view.mask(loaded.secrets());
    view.diagnostics(loaded.diagnostics());
    if (!loaded.ok()) {
      return Optional.empty();
    }
    MeshSpec spec = loaded.spec().get();
    Vertx vertx = Vertx.vertx();
    Map<String, Vns3Client> clients = new LinkedHashMap<>();
    for (ControllerSpec c : spec.controllers()) {
      clients.put(c.name(), Vns3Clients.create(vertx, c, clientOptions));
    }
    err.flush();
    return Optional.of(new MeshSession(spec, vertx, clients, view, err));
  }

  MeshSpec spec() {
    return spec;
  }

  Vertx vertx() {
    return vertx;
  }

  Map<String, Vns3Client> clients() {
    return clients;
  }

  /**
   * Reads every controller once, all at once, each under its request timeout, and judges the
   * read on a worker as apply and reconcile do; an unreachable controller is part of the answer,
   * not a failure. One that does not answer in time is named through the view when its time is
   * up; a terminal shows which controllers are still being read.
   */
  Judged readAndJudge() {
    List<String> names = spec.controllers().stream().map(ControllerSpec::name).toList();
    try (ReadWatch watch = ReadWatch.start(vertx, view, err, names, System.console() != null)) {
      return await(new MeshPipeline(vertx, spec, clients).readAndAnalyse(Optional.of(watch)));
    }
  }

  /** Waits for {@code f} on the calling (non-event-loop) thread: the CLI boundary. */
  <T> T await(Future<T> f) {
    return block(f);
  }

  /**
   * Waits for {@code f} on the calling thread, never an event loop: the CLI boundary. An
   * interrupt becomes a {@link CancellationException}, a failure its own runtime exception.
   */
  static <T> T block(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
    }
  }

  @Override
  public void close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (Vns3Client c : clients.values()) {
      closing.add(c.close());
    }
    try {
      await(Future.join(closing).transform(x -> vertx.close()));
    } catch (RuntimeException e) {
      // Closing is best effort: the command's answer is already printed.
    }
  }
}
