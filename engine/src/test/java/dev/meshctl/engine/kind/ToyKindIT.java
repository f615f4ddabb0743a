package dev.meshctl.engine.kind;

import static dev.meshctl.engine.testing.SimulatedMeshes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.ExecutionSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.apply.ActionExecutor;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.desired.DesiredController;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.DesiredResource;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.live.LiveStateReader;
import dev.meshctl.engine.live.MeshState;
import dev.meshctl.engine.plan.ActionParameters;
import dev.meshctl.engine.plan.ActionRun;
import dev.meshctl.engine.plan.ActionType;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.PlanBuilder;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.planfile.InvalidPlanFileException;
import dev.meshctl.engine.planfile.PlanFile;
import dev.meshctl.engine.planfile.SavedPlan;
import dev.meshctl.engine.render.HumanRenderer;
import dev.meshctl.engine.render.PlanSummary;
import dev.meshctl.engine.render.Style;
import dev.meshctl.engine.testing.SimulatedMeshes;
import dev.meshctl.engine.walk.DagWalker;
import dev.meshctl.engine.walk.WalkListener;
import dev.meshctl.engine.walk.WalkOptions;
import dev.meshctl.engine.walk.WalkReport;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kind added without touching the engine: one handler and its action, registered with {@link
 * ResourceKinds#with}. The planner, the walker (against simulated controllers), a saved plan's
 * JSON and the human rendering all take it as they take the built-in kinds.
 */
class ToyKindIT {

  // ---- the toy kind: a custom variable naming the topology on every controller ----

  static final ResourceKind BANNER = ResourceKind.of("banner", 7, false);
  static final String VARIABLE = "meshctl_banner";

  record DesiredBanner(ResourceAddress address, String text) implements DesiredResource {}

  enum BannerAction implements ActionType {
    SET_BANNER;

    @Override
    public String id() {
      return "set_banner";
    }

    @Override
    public String description() {
      return "set banner variable";
    }

    @Override
    public int rank() {
      return 100;
    }

    @Override
    public PlanAction read(ResourceAddress at, ActionParameters p) {
      return new SetBanner(at, p.text("text"));
    }
  }

  record SetBanner(ResourceAddress address, String text) implements PlanAction {
    @Override
    public ActionType actionType() {
      return BannerAction.SET_BANNER;
    }

    @Override
    public Map<String, Object> parameters() {
      return Map.of("text", text);
    }

    @Override
    public Future<Void> run(ActionRun run) {
      return run.client().createVariable(VARIABLE, text);
    }
  }

  /** Reads no live state, so it always writes: custom variables need a licensed controller. */
  static final class BannerKind extends DeclaredHandler {
    BannerKind() {
      super(
          BANNER,
          c -> List.of(banner(c)),
          List.of(BannerAction.SET_BANNER),
          ctx -> {
            for (PlanAction a : ctx.actions(BannerAction.SET_BANNER)) {
              ctx.licensing(a.controller()).ifPresent(l -> ctx.edge(l, a));
            }
          });
    }

    static DesiredBanner banner(DesiredController c) {
      return new DesiredBanner(
          new ResourceAddress(c.name(), BANNER, Optional.empty()),
          "managed by meshctl: " + c.names().topologyName());
    }

    @Override
    public void diff(DiffContext ctx, DiffCollector out) {
      DesiredBanner b = banner(ctx.want());
      out.change(Change.create(b, List.of(FieldChange.added("text", b.text()))));
    }

    @Override
    public void plan(Change change, PlanContext ctx) {
      ctx.add(new SetBanner(change.address(), wanted(change, DesiredBanner.class).text()));
    }
  }

  // ---- the test ----

  static final ResourceKinds KINDS = ResourceKinds.STANDARD.with(new BannerKind());

  private Vertx vertx;
  private Simulator sim;
  private MeshSpec spec;
  private Map<String, Vns3Client> clients;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    sim = await(Simulator.start(vertx, SimulatedMeshes.config(2, SimTimings.FAST, "pw-toy-1")));
    List<ControllerSpec> controllers = new ArrayList<>();
    int id = 0;
    for (SimulatedController c : sim.controllers()) {
      controllers.add(
          SimulatedMeshes.controllerSpec(c, ++id, false, Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }
    Duration wait = Duration.ofSeconds(8);
    spec =
        SimulatedMeshes.fullMeshSpec(
            "toy-topology", controllers, Secret.of("toy-token-1"), ExecutionSpec.withTimeouts(wait, wait));
    clients = SimulatedMeshes.clients(vertx, controllers, SimulatedMeshes.simulatedClients(4, Duration.ofMillis(200), 7));
  }

  @AfterEach
  void stop() throws Exception {
    await(sim.close());
    await(vertx.close());
  }

  @Test
  void aRegisteredKindIsPlannedSavedRenderedAndRun(@TempDir Path dir) throws Exception {
    MeshState live = await(new LiveStateReader().read(spec, clients));
    DesiredMesh mesh = MeshExpander.expand(spec, live);
    MeshDiff diff = MeshDiffer.diff(mesh, live, KINDS.handlers());
    Plan plan = PlanBuilder.build(mesh, diff, live, KINDS);

    // Planned once per controller, after the action that licenses it.
    List<PlanAction> banners =
        plan.order().stream().filter(a -> a.actionType() == BannerAction.SET_BANNER).toList();
    assertEquals(2, banners.size(), plan.order()::toString);
    for (PlanAction b : banners) {
      boolean root = b.controller().equals(spec.root());
      PlanActionType licensing = root ? PlanActionType.ACCEPT_LICENSE_PARAMETERS : PlanActionType.FETCH_KEYSET;
      assertTrue(
          plan.dependencies(b).stream().anyMatch(d -> d.actionType() == licensing),
          () -> b + " waits for " + plan.dependencies(b));
    }

    // Rendered with its address and words, saved and read back unchanged.
    String shown = new HumanRenderer(Style.PLAIN).plan(plan, diff);
    assertTrue(shown.contains("controller[\"" + spec.root() + "\"].banner"), shown);
    assertTrue(shown.contains("set banner variable"), shown);
    Path file = dir.resolve("plan.json");
    PlanFile.write(
        new SavedPlan("0.1.0", Instant.now(), "/mesh.yaml", "a", "b", plan, PlanSummary.of(diff)), file);
    SavedPlan back = PlanFile.read(file, KINDS);
    assertEquals(plan.order(), back.plan().order());
    assertEquals(plan.graph().edgeSet().size(), back.plan().graph().edgeSet().size());
    InvalidPlanFileException unknown = assertThrows(InvalidPlanFileException.class, () -> PlanFile.read(file));
    assertTrue(unknown.getMessage().contains("unknown action type: set_banner"), unknown::getMessage);

    // Walked against the controllers with the rest of the plan.
    ActionExecutor executor = new ActionExecutor(spec, clients);
    Promise<Void> never = Promise.promise();
    WalkReport<PlanAction> report =
        await(
            new DagWalker<PlanAction>(vertx.getOrCreateContext())
                .walk(
                    back.plan().graph(),
                    executor::run,
                    WalkOptions.of(8, a -> a.address() + " " + a.type(), never.future()),
                    WalkListener.none()));
    assertTrue(report.allSucceeded(), report::toString);
    for (ControllerSpec c : spec.controllers()) {
      assertEquals(
          "managed by meshctl: toy-topology",
          await(clients.get(c.name()).variables()).get(VARIABLE),
          c.name());
    }
  }
}
