package dev.meshctl.cli.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A moto_server on 127.0.0.1 standing in for the AWS APIs, stopped on close. */
final class MotoServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final ExternalProcess process;
  private final String url;

  private MotoServer(ExternalProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts moto on a free loopback port and waits until it answers. */
  static MotoServer start(Path executable, Path workDir, Path log)
      throws IOException, InterruptedException {
    int port = FreePort.on("127.0.0.1");
    ExternalProcess p =
        ExternalProcess.start(
            "moto_server",
            List.of(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)),
            workDir,
            Map.of(),
            log);
    MotoServer moto = new MotoServer(p, "http://127.0.0.1:" + port);
    try {
      moto.awaitReady();
      return moto;
    } catch (RuntimeException | Error | InterruptedException e) {
      moto.close();
      throw e;
    }
  }

  /** The endpoint URL every AWS API call goes to. */
  String url() {
    return url;
  }

  private void awaitReady() throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create(url + "/moto-api/")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("moto_server exited while starting\n" + process.tail());
      }
      try {
        if (client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Still starting: the port is not open yet.
      }
      Thread.sleep(250);
    }
    throw new AssertionError("moto_server did not answer within " + STARTUP + "\n" + process.tail());
  }

  @Override
  public void close() {
    process.close();
  }
}
