package dev.meshctl.simulator.api;

import static dev.meshctl.simulator.api.Replies.guard;

import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.Digests;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /keyset}: generation on the root, download from a source on the others, both in the
 * background.
 */
final class KeysetApi {
  private KeysetApi() {}

  static void mount(Router r, Appliance a) {
    r.get("/api/keyset").handler(guard(ctx -> {
      ControllerData d = a.data();
      // An unlicensed controller that is downloading (or tried to) shows its progress: that is
      // how a client polls a keyset download. Once the download is done its license waits for
      // the reboot, and the read is refused as unlicensed until then (SDK
      // cohesivenet/macros/config.py, fetch_keyset_from_source and try_get_keyset).
      if (d.licenseAppliesAtBoot
          || (!d.licensed() && d.keyset.startedAt().isEmpty() && !d.keyset.present())) {
        throw ApiError.unlicensed();
      }
      Replies.ok(ctx, d.keyset.toJson());
    }));
    r.put("/api/keyset").handler(guard(ctx -> {
      ControllerData d = a.data();
      JsonObject body = Replies.body(ctx);
      String token = Replies.string(body, "token").filter(t -> !t.isEmpty())
          .orElseThrow(() -> ApiError.badRequest("token is missing"));
      Optional<String> source = Replies.string(body, "source").filter(s -> !s.isBlank());
      if (source.isEmpty()) {
        Guards.licensed(d);
      }
      if (d.keyset.inProgress()) {
        throw ApiError.badRequest("Keyset setup in progress.");
      }
      if (d.keyset.present()) {
        throw ApiError.badRequest("Keyset already exists.");
      }
      Replies.string(body, "topology_name").ifPresent(t -> d.topologyName = Optional.of(t));
      d.keyset = d.keyset.started(a.now());
      long job = d.keyset.job();
      if (source.isEmpty()) {
        generate(a, d, job, token);
      } else {
        download(a, d, job, source.get().strip(), Digests.sha256(token));
      }
      Replies.ok(ctx, d.keyset.toJson());
    }));
  }

  /** The keyset checksum: equal for every controller of one license and token, else different. */
  static String checksum(String licenseId, String token) {
    return Digests.sha1("keyset:" + licenseId + ":" + token);
  }

  private static void generate(Appliance a, ControllerData d, long job, String token) {
    String sum = checksum(Guards.licenseId(d), token);
    String tokenHash = Digests.sha256(token);
    a.vertx().setTimer(Math.max(1, a.timings().keysetGeneration().toMillis()), t -> {
      if (current(a, d, job)) {
        String uuid = UUID.nameUUIDFromBytes(sum.getBytes(StandardCharsets.UTF_8)).toString();
        d.keyset = d.keyset.done(sum, uuid, a.now(), tokenHash);
        a.changed();
      }
    });
  }

  private static void download(Appliance a, ControllerData d, long job, String source, String tokenHash) {
    a.vertx().setTimer(Math.max(1, a.timings().keysetDownload().toMillis()), t -> {
      if (!current(a, d, job)) {
        return;
      }
      a.fetchKeyset(source, tokenHash).onComplete(res -> {
        if (!current(a, d, job)) {
          return;
        }
        if (res.failed()) {
          d.keyset = d.keyset.failed();
          a.changed();
          return;
        }
        JsonObject k = res.result();
        d.licenseText = Optional.of(k.getString("license"));
        d.licenseUploadedAt = Optional.of(a.now());
        d.finalized = true;
        d.parameters = k.getJsonObject("parameters", new JsonObject());
        Optional.ofNullable(k.getString("topology_name")).ifPresent(n -> d.topologyName = Optional.of(n));
        d.keyset = d.keyset.done(k.getString("checksum"), k.getString("uuid"), Instant.parse(k.getString("created_at")), tokenHash);
        // The download ends in a reboot (Go client cohesivenet/macros/config.go,
        // FetchKeysetFromSource: after "Keyset already exists." it waits for the controller to go
        // down and come back); the license it brought applies then.
        d.licenseAppliesAtBoot = true;
        a.changed();
        a.rebootSoon();
      });
    });
  }

  private static boolean current(Appliance a, ControllerData d, long job) {
    return a.data() == d && d.keyset.inProgress() && d.keyset.job() == job;
  }

  /**
   * What a source controller answers a downloading peer ({@code POST /_sim/keyset}): its keyset
   * and licensed configuration, or why not. The reasons travel only between simulated controllers
   * (the downloading one shows a failed job, nothing more, as no vendor source shows a reason on
   * the API), so they are the simulator's own words, not VNS3 messages.
   */
  static JsonObject export(ControllerData d, String tokenSha256) {
    if (!d.licensed()) {
      throw ApiError.unlicensed();
    }
    if (!d.keyset.present()) {
      throw new ApiError(409, "SimulatorRefusal", "source has no keyset yet");
    }
    if (!d.keyset.tokenHash().equals(Optional.of(tokenSha256))) {
      throw new ApiError(409, "SimulatorRefusal", "keyset token differs from the source's");
    }
    JsonObject o =
        new JsonObject()
            .put("checksum", d.keyset.checksum().get())
            .put("uuid", d.keyset.uuid().orElse(""))
            .put("created_at", d.keyset.createdAt().orElse(Instant.EPOCH).toString())
            .put("license", d.licenseText.get())
            .put("parameters", d.parameters.copy());
    d.topologyName.ifPresent(n -> o.put("topology_name", n));
    return o;
  }
}
