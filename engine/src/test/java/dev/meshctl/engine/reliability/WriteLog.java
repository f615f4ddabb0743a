package dev.meshctl.engine.reliability;

import dev.meshctl.engine.client.Vns3Client;
import io.vertx.core.Future;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Every configuration write an apply sends, with when it started and ended, per apply. */
final class WriteLog {
  /** One write: who sent it, which call, and its span in {@link System#nanoTime()}. */
  record Write(String run, String call, long startNanos, long endNanos) {}

  /** The calls that change a controller (the lock's own variable writes are not among them). */
  private static final Set<String> WRITES =
      Set.of(
          "putConfig", "putLicense", "putLicenseParameters", "generateKeyset", "fetchKeyset", "setPeerId",
          "createPeer", "updatePeer", "deletePeer", "createRoute", "deleteRoute", "setApiPassword", "reboot");

  final List<Write> writes = new CopyOnWriteArrayList<>();

  /** Clients that log each write as {@code run}'s. */
  Map<String, Vns3Client> recording(String run, Map<String, Vns3Client> clients) {
    return clients.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> recording(run, e.getValue())));
  }

  private Vns3Client recording(String run, Vns3Client target) {
    return (Vns3Client)
        Proxy.newProxyInstance(
            Vns3Client.class.getClassLoader(),
            new Class<?>[] {Vns3Client.class},
            (proxy, method, args) -> {
              long start = System.nanoTime();
              Object result;
              try {
                result = method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (WRITES.contains(method.getName()) && result instanceof Future<?> f) {
                return f.andThen(x -> writes.add(new Write(run, method.getName(), start, System.nanoTime())));
              }
              return result;
            });
  }

  List<Write> of(String run) {
    return writes.stream().filter(w -> w.run().equals(run)).toList();
  }
}
