package dev.meshctl.cli.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.plan.CreatePeer;
import dev.meshctl.engine.reconcile.ActionEvent;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickLogTest {
  private static final Clock CLOCK = Clock.fixed(Reports.STARTED, ZoneOffset.UTC);
  private static final String PASSWORD = "hunter2-api-password";
  private static final String TOKEN = "keyset-token-s3cret";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private TickLog log(LogFormat format, Optional<MeshSpec> spec) {
    return new TickLog(new PrintWriter(out), format, new Redactor(() -> spec), CLOCK);
  }

  @Test
  void aTickIsOneTextLine() {
    log(LogFormat.TEXT, Optional.empty()).tick(Reports.drifting(7));
    String line = out.toString();
    assertEquals(1, line.lines().count());
    assertTrue(line.startsWith("2026-01-01T10:00:00Z tick=7 outcome=drifting spec=unchanged lock=held found=peer:2,route:1 repaired=peer:2 actions=2 failed=0 irreversible=1 unreachable=ctl3 backoff=ctl3:120.000s elapsed=1.500s"), line);
    assertTrue(line.contains("problems=\"controller[\\\"ctl2\\\"].keyset: its keyset differs from the root's\""), line);
  }

  @Test
  void aTickIsOneJsonObject() {
    log(LogFormat.JSON, Optional.empty()).tick(Reports.drifting(7));
    JsonObject o = new JsonObject(out.toString().strip());
    assertEquals("tick", o.getString("event"));
    assertEquals("drifting", o.getString("outcome"));
    assertEquals(2, o.getJsonObject("drift_found").getInteger("peer"));
    JsonObject at = o.getJsonArray("drift_found_at").getJsonObject(0);
    assertEquals("controller[\"ctl1\"].peer[2]", at.getString("address"));
    assertEquals("create", at.getString("action"));
    assertEquals("controller[\"ctl2\"].keyset", o.getJsonArray("irreversible").getJsonObject(0).getString("path"));
    assertEquals(3, o.getJsonObject("backoff").getJsonObject("ctl3").getInteger("failures"));
    assertEquals("GET /config: connection refused", o.getJsonObject("unreachable").getString("ctl3"));
  }

  @Test
  void anActionIsOneLine() {
    ActionEvent e = new ActionEvent(3, new CreatePeer(ResourceAddress.peer("ctl2", 3), 3, "ctl3", "10.0.3.10", 1500), ActionEvent.Status.FAILED, Duration.ofMillis(40), Optional.of("POST /peering/peers: 400 bad"));
    log(LogFormat.TEXT, Optional.empty()).action(e);
    assertEquals(
        "2026-01-01T10:00:00Z tick=3 action=create_peer address=controller[\"ctl2\"].peer[3] status=failed duration=0.040s detail=\"POST /peering/peers: 400 bad\"\n",
        out.toString());
  }

  @Test
  void secretValuesEchoedInAMessageAreRedacted() throws Exception {
    MeshSpec spec = spec();
    ActionEvent e =
        new ActionEvent(1, new CreatePeer(ResourceAddress.peer("ctl1", 2), 2, "ctl2", "10.0.2.10", 1500), ActionEvent.Status.FAILED, Duration.ZERO,
            Optional.of("controller said: bad password " + PASSWORD + " for token " + TOKEN + " license LICENSE-LINE-ABCDEF"));
    log(LogFormat.JSON, Optional.of(spec)).action(e);
    log(LogFormat.TEXT, Optional.of(spec)).action(e);
    String all = out.toString();
    assertFalse(all.contains(PASSWORD), all);
    assertFalse(all.contains(TOKEN), all);
    assertFalse(all.contains("LICENSE-LINE-ABCDEF"), all);
    assertTrue(all.contains("bad password (sensitive) for token (sensitive)"), all);
  }

  private MeshSpec spec() throws Exception {
    Files.writeString(dir.resolve("license.txt"), "LICENSE-LINE-ABCDEF\nsecond line of the license\n");
    String yaml =
        "apiVersion: meshctl/v1\nkind: Mesh\nmetadata: {name: t}\n"
            + "defaults: {api: {password: '${env:PW}', tls: {allow_plain_http: true}}}\n"
            + "license: {file: ./license.txt, parameters: {default: true}}\n"
            + "keyset: {token: '${env:TOKEN}'}\n"
            + "controllers:\n"
            + "  - {name: ctl1, endpoint: 'http://127.0.0.1:9001', private_ip: 10.0.1.10, subnet: 10.0.1.0/24}\n"
            + "  - {name: ctl2, endpoint: 'http://127.0.0.1:9002', private_ip: 10.0.2.10, subnet: 10.0.2.0/24}\n";
    LoadResult r = SpecLoader.loadString(yaml, "mesh.yaml", dir, LoadOptions.defaults().withEnv(Map.of("PW", PASSWORD, "TOKEN", TOKEN)));
    assertTrue(r.ok(), () -> r.diagnostics().stream().map(Diagnostic::format).toList().toString());
    return r.spec().orElseThrow();
  }
}
