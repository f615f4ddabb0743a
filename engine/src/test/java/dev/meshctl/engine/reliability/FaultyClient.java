package dev.meshctl.engine.reliability;

import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Error;
import dev.meshctl.engine.client.Vns3Exception;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import dev.meshctl.simulator.SimulatedController;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the simulator cannot inject by itself, seen from meshctl's side of the wire: a latency
 * spike on every call for a while, and a keyset download that fails once (as a real download does
 * when the source controller is still finishing its own keyset). It also watches the license
 * reboot: faults can be armed for the moment the license parameters are accepted, and a reboot
 * wait that ends before the simulated controller's listener reopened is recorded, since it ended
 * on faults rather than on the reboot.
 */
final class FaultyClient implements InvocationHandler {
  private final Vertx vertx;
  private final Vns3Client target;
  private final String controller;
  private volatile long spikeUntilNanos;
  private volatile long spikeMillis;
  private final AtomicBoolean failNextKeysetFetch = new AtomicBoolean();
  private final AtomicLong keysetFailures = new AtomicLong();
  private final AtomicLong keysetReboots = new AtomicLong();
  private final SimulatedController simulated;
  /** Run once when the license parameters were accepted, while the reboot they cause begins. */
  private final List<Runnable> onLicenseAccepted = new CopyOnWriteArrayList<>();
  /** The listener's openings when the license parameters were last sent; -1 before. */
  private volatile long openingsAtLicense = -1;
  private final AtomicLong licenseRebootWaits = new AtomicLong();
  private final List<String> earlyRebootEnds = new CopyOnWriteArrayList<>();

  private FaultyClient(Vertx vertx, String controller, Vns3Client target, SimulatedController simulated) {
    this.vertx = vertx;
    this.controller = controller;
    this.target = target;
    this.simulated = simulated;
  }

  /** A client that behaves as {@code target} until told to misbehave through {@code handle}. */
  static Vns3Client wrap(
      Vertx vertx, SimulatedController simulated, Vns3Client target, FaultyClient[] handle) {
    FaultyClient h = new FaultyClient(vertx, simulated.name(), target, simulated);
    handle[0] = h;
    return (Vns3Client)
        Proxy.newProxyInstance(Vns3Client.class.getClassLoader(), new Class<?>[] {Vns3Client.class}, h);
  }

  /** Every call waits {@code millis} more for the next {@code forMillis}. */
  void spike(long millis, long forMillis) {
    spikeMillis = millis;
    spikeUntilNanos = System.nanoTime() + forMillis * 1_000_000;
  }

  /** The next keyset download request fails as the controller's API would answer a failed job. */
  void failNextKeysetFetch() {
    failNextKeysetFetch.set(true);
  }

  long keysetFailures() {
    return keysetFailures.get();
  }

  /** Keyset downloads whose wait went through the reboot that ends them. */
  long keysetReboots() {
    return keysetReboots.get();
  }

  /** Runs {@code faults} once, as soon as the license parameters are next accepted. */
  void onLicenseAccepted(Runnable faults) {
    onLicenseAccepted.add(faults);
  }

  /** Reboot waits after license parameters that ended, early or not. */
  long licenseRebootWaits() {
    return licenseRebootWaits.get();
  }

  /** Each reboot wait after license parameters that ended before the controller had rebooted. */
  List<String> earlyRebootEnds() {
    return earlyRebootEnds;
  }

  void clear() {
    spikeUntilNanos = 0;
    failNextKeysetFetch.set(false);
    onLicenseAccepted.clear();
    openingsAtLicense = -1;
    earlyRebootEnds.clear();
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(this, args);
    }
    if (!Future.class.isAssignableFrom(method.getReturnType())) {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
    if (method.getName().equals("fetchKeyset") && failNextKeysetFetch.compareAndSet(true, false)) {
      keysetFailures.incrementAndGet();
      return Future.failedFuture(
          new Vns3Exception(
              new Vns3Error.JobFailed(controller, "PUT /keyset", "keyset download failed: source not ready")));
    }
    if (method.getName().equals("putLicenseParameters")) {
      openingsAtLicense = simulated.listenerOpenings();
      return call(method, args)
          .onSuccess(
              v -> {
                List<Runnable> armed = List.copyOf(onLicenseAccepted);
                onLicenseAccepted.removeAll(armed);
                armed.forEach(Runnable::run);
              });
    }
    if (method.getName().equals("awaitReboot")) {
      long before = openingsAtLicense;
      long started = System.nanoTime();
      return call(method, args)
          .onSuccess(
              v -> {
                if (before < 0) {
                  return;
                }
                licenseRebootWaits.incrementAndGet();
                if (simulated.listenerOpenings() <= before) {
                  earlyRebootEnds.add(
                      "the reboot wait after the license parameters on "
                          + controller
                          + " ended after "
                          + (System.nanoTime() - started) / 1_000_000
                          + " ms, before the controller rebooted");
                }
              });
    }
    if (method.getName().equals("awaitDownloadedKeyset")) {
      return call(method, args).onSuccess(k -> keysetReboots.incrementAndGet());
    }
    boolean spiking = System.nanoTime() < spikeUntilNanos && !method.getName().equals("close");
    if (spiking) {
      return vertx.timer(spikeMillis).compose(t -> call(method, args));
    }
    return call(method, args);
  }

  @SuppressWarnings("unchecked")
  private <T> Future<T> call(Method method, Object[] args) {
    try {
      return (Future<T>) method.invoke(target, args);
    } catch (InvocationTargetException e) {
      return Future.failedFuture(e.getCause());
    } catch (IllegalAccessException e) {
      return Future.failedFuture(e);
    }
  }
}
