package dev.meshctl.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random mutations of a valid spec never crash the loader: they give diagnostics with sane
 * positions, or a valid model, and the same input always gives the same answer.
 */
class SpecLoaderProperties {
  static final String VALID =
      """
      apiVersion: meshctl/v1
      kind: Mesh
      metadata:
        name: fuzz
      inputs:
        terraform: ./outputs.json
      defaults:
        api:
          password: ${env:PW}
          tls: {insecure: true}
          connect_timeout: 5s
      license:
        file: ./license.txt
        parameters: {default: true}
      keyset:
        token: ${file:token.txt}
      root: a
      controllers:
        - name: a
          endpoint: ${tf:ips[0]}
          private_ip: 10.0.1.10
          subnet: 10.0.1.0/25
          routes:
            - {cidr: 192.168.1.0/24, gateway: 10.0.1.1, metric: 3}
        - &b
          name: b
          endpoint: https://10.9.0.2:8443
          private_ip: 10.0.1.140
          subnet: 10.0.1.128/25
          peer_id: 2
      peering:
        mode: explicit
        overlay_mtu: 1400
        links:
          - between: [a, b]
      execution:
        parallelism: 4
      """;

  static final Path DIR = supportFiles();
  static final LoadOptions OPTIONS = new LoadOptions(Map.of("PW", "pw"), Optional.empty());

  private static Path supportFiles() {
    try {
      Path dir = Files.createTempDirectory("meshctl-fuzz");
      Files.writeString(dir.resolve("license.txt"), "LICENSE\n");
      Files.writeString(dir.resolve("token.txt"), "token\n");
      Files.writeString(dir.resolve("outputs.json"), "{\"ips\": {\"value\": [\"10.9.0.1\"], \"sensitive\": false}}");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 400, seed = "20261126")
  void mutationsGiveDiagnosticsOrAModel(@ForAll("mutants") String text) {
    LoadResult r = SpecLoader.loadString(text, "fuzz.yaml", DIR, OPTIONS);
    long lines = text.lines().count() + 1;
    for (Diagnostic d : r.diagnostics()) {
      assertFalse(d.message().startsWith("cannot load the spec"), () -> "loader crashed on:\n" + text);
      d.location()
          .filter(l -> l.file().equals("fuzz.yaml"))
          .ifPresent(l -> assertTrue(l.line() >= 1 && l.line() <= lines && l.column() >= 1, d::format));
    }
    assertEquals(r.spec().isPresent(), r.ok(), () -> String.join("\n", r.diagnostics().stream().map(Diagnostic::format).toList()));
    r.spec().ifPresent(s -> assertFalse(s.controllers().isEmpty()));
    assertEquals(r.diagnostics(), SpecLoader.loadString(text, "fuzz.yaml", DIR, OPTIONS).diagnostics());
  }

  @Property(tries = 5)
  void theUnmutatedSpecIsValid() {
    LoadResult r = SpecLoader.loadString(VALID, "fuzz.yaml", DIR, OPTIONS);
    assertTrue(r.ok(), () -> r.diagnostics().toString());
  }

  @Provide
  Arbitrary<String> mutants() {
    List<String> lines = VALID.lines().toList();
    Arbitrary<Integer> line = Arbitraries.integers().between(0, lines.size() - 1);
    Arbitrary<Integer> offset = Arbitraries.integers().between(0, VALID.length());
    Arbitrary<String> token =
        Arbitraries.of(
            ":", "- ", "{", "}", "[", "]", "&x ", "*x", "*b", "\t", "${", "${env:NOPE}", "${tf:ips[9]}", "'", "\"",
            "#", "\n", "  ", "!!int ", "<<: ", "? ", "|", ">", "\u0000", "10.0.1.0/24", "-1", "99999", "null", "~");
    Arbitrary<String> deleteLine = line.map(i -> join(lines.subList(0, i), lines.subList(i + 1, lines.size())));
    Arbitrary<String> duplicateLine =
        line.map(i -> join(lines.subList(0, i + 1), lines.subList(i, lines.size())));
    Arbitrary<String> insert =
        Combinators.combine(offset, token).as((o, t) -> VALID.substring(0, o) + t + VALID.substring(o));
    Arbitrary<String> replace =
        Combinators.combine(Arbitraries.integers().between(0, VALID.length() - 1), token)
            .as((o, t) -> VALID.substring(0, o) + t + VALID.substring(o + 1));
    Arbitrary<String> truncate = offset.map(o -> VALID.substring(0, o));
    Arbitrary<String> single = Arbitraries.oneOf(deleteLine, duplicateLine, insert, replace, truncate);
    // Two mutations in a row reach states one cannot (e.g. an alias to a moved anchor).
    Arbitrary<String> twice =
        Combinators.combine(single, Arbitraries.integers().between(0, 1000), token)
            .as((s, o, t) -> s.substring(0, Math.min(o, s.length())) + t + s.substring(Math.min(o, s.length())));
    return Arbitraries.oneOf(single, twice);
  }

  private static String join(List<String> a, List<String> b) {
    StringBuilder sb = new StringBuilder();
    a.forEach(l -> sb.append(l).append('\n'));
    b.forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }
}
