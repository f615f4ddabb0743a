package dev.meshctl.engine.planfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanBuilder;
import dev.meshctl.engine.render.PlanSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {
  @TempDir Path dir;

  private static SavedPlan saved(MeshSpec spec, MeshState live) {
    DesiredMesh mesh = MeshExpander.expand(spec);
    MeshDiff diff = MeshDiffer.diff(mesh, live);
    Plan plan = PlanBuilder.build(mesh, diff, live);
    return new SavedPlan(
        "0.1.0", Instant.parse("2026-01-02T03:04:05Z"), "mesh.yaml", "ab", "cd", plan, PlanSummary.of(diff));
  }

  @Test
  void aWrittenPlanReadsBackToTheSameGraphOrderAndRecord() throws Exception {
    MeshSpec base = MeshFixtures.spec(3);
    MeshSpec spec =
        new MeshSpec(
            base.source(), base.topology(), base.controllers(), base.root(),
            new dev.meshctl.dsl.model.LicenseSpec(
                base.license().file(), base.license().text(),
                new LicenseParameters(false, Optional.of("10.100.0.0/24"), List.of("10.100.0.1", "10.100.0.2"),
                    Optional.of("65001 65002"), Optional.empty(), Optional.empty())),
            base.keysetToken(), base.peering(), base.routing(), base.execution());
    DesiredMesh mesh = MeshExpander.expand(spec);
    SavedPlan s =
        saved(spec, MeshFixtures.unreadable(MeshFixtures.fresh(mesh), "ctl-03", "GET /config: timeout"));
    Path f = dir.resolve("plan.json");
    PlanFile.write(s, f);
    String text = Files.readString(f);
    assertFalse(text.contains("LICENSE-TEXT"));
    assertFalse(text.contains("keyset-token"));
    assertFalse(text.contains("\"pw\""));

    SavedPlan back = PlanFile.read(f);
    assertEquals(s.plan().order(), back.plan().order());
    assertEquals(s.plan().graph().edgeSet().size(), back.plan().graph().edgeSet().size());
    assertEquals(s.plan().fingerprints(), back.plan().fingerprints());
    assertEquals(s.plan().blocking(), back.plan().blocking());
    assertEquals(s.summary(), back.summary());
    assertEquals(s.createdAt(), back.createdAt());
    assertEquals(text, PlanFile.json(back).encodePrettily() + "\n");
  }

  @Test
  void refusesWhatIsNotAPlanThisVersionReadsSayingWhatAndWhatToDo() throws Exception {
    Path f = dir.resolve("plan.json");
    Files.writeString(f, "{\"kind\":\"plan\",\"format_version\":2,\"meshctl_version\":\"9.0.0\"}");
    assertEquals(
        f + ": not a valid meshctl plan: format_version 2 is not supported (this meshctl reads 1; the"
            + " plan was made by meshctl 9.0.0): apply it with that version, or plan again with this one",
        refusal(f));
    Files.writeString(f, "not json");
    assertTrue(refusal(f).startsWith(f + ": not JSON ("), refusal(f));
    assertTrue(refusal(f).endsWith("give a plan saved by 'meshctl plan SPEC -out FILE', or a spec (YAML)"));
    Files.writeString(f, "{\"format_version\":1,\"kind\":\"diff\",\"changes\":[]}");
    assertTrue(refusal(f).contains("it is the output of 'meshctl diff --json', not a saved plan"), refusal(f));
    Files.writeString(f, "{\"name\":\"package.json\"}");
    assertTrue(refusal(f).contains("no \"kind\": \"plan\", so not a plan meshctl saved"), refusal(f));
    Files.writeString(f, "{\"kind\":\"plan\",\"format_version\":1}");
    assertTrue(refusal(f).contains("a key is missing or holds the wrong kind of value"), refusal(f));
    Files.write(f, new byte[] {'{', (byte) 0xff, '}'});
    assertTrue(refusal(f).contains("not UTF-8 text"), refusal(f));
  }

  @Test
  void aMissingFileOrAFolderIsNamedWithWhereItWasLookedFor() {
    Path missing = Path.of("nope.json");
    assertEquals(
        "nope.json: no such file (looked for "
            + missing.toAbsolutePath()
            + "): give a plan saved by 'meshctl plan SPEC -out FILE', or a spec (YAML)",
        refusal(missing));
    assertTrue(refusal(dir).contains(": is a folder, not a plan file"), refusal(dir));
  }

  @Test
  void planFilesAreWrittenOwnerOnlyEvenOverAnOlderReadableOne() throws Exception {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX modes only");
    MeshSpec spec = MeshFixtures.spec(2);
    SavedPlan s = saved(spec, MeshFixtures.fresh(MeshExpander.expand(spec)));
    Path fresh = dir.resolve("plan.json");
    PlanFile.write(s, fresh);
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(fresh));

    Path old = Files.writeString(dir.resolve("old.json"), "{}");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
    PlanFile.write(s, old);
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(old));
    assertEquals(Files.readString(fresh), Files.readString(old));
    try (var left = Files.list(dir)) {
      assertEquals(List.of("old.json", "plan.json"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aFolderIsRefusedAndADeviceIsWrittenInPlace() throws Exception {
    MeshSpec spec = MeshFixtures.spec(2);
    SavedPlan s = saved(spec, MeshFixtures.fresh(MeshExpander.expand(spec)));
    java.nio.file.FileSystemException e =
        assertThrows(java.nio.file.FileSystemException.class, () -> PlanFile.write(s, dir));
    assertEquals("is a folder", e.getReason());
    Path devNull = Path.of("/dev/null");
    if (Files.exists(devNull)) {
      PlanFile.write(s, devNull);
      assertFalse(Files.isRegularFile(devNull));
    }
  }

  private static String refusal(Path f) {
    return assertThrows(InvalidPlanFileException.class, () -> PlanFile.read(f)).getMessage();
  }
}
