package dev.meshctl.engine.kind;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.engine.address.ResourceKind;
import dev.meshctl.engine.desired.DesiredLicense;
import dev.meshctl.engine.diff.Action;
import dev.meshctl.engine.diff.Change;
import dev.meshctl.engine.diff.DiffCollector;
import dev.meshctl.engine.diff.DiffContext;
import dev.meshctl.engine.diff.FieldChange;
import dev.meshctl.engine.live.LicenseParametersDigest;
import dev.meshctl.engine.live.LicenseState;
import dev.meshctl.engine.plan.AcceptLicenseParameters;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.plan.PlanActionType;
import dev.meshctl.engine.plan.PlanContext;
import dev.meshctl.engine.plan.PlanTransformer;
import dev.meshctl.engine.plan.UploadLicense;
import java.util.ArrayList;
import java.util.List;

/**
 * The root's license: uploaded, then finalized with the spec's parameters (which reboots the
 * controller). Accepted parameters cannot be changed, so different ones are a problem, not a
 * change.
 */
public final class LicenseKind extends DeclaredHandler {
  /** Parameters can only be accepted for an uploaded license. */
  static final PlanTransformer LICENSE_BEFORE_PARAMETERS =
      ctx -> {
        for (PlanAction upload : ctx.actions(PlanActionType.UPLOAD_LICENSE)) {
          ctx.first(upload.controller(), PlanActionType.ACCEPT_LICENSE_PARAMETERS)
              .ifPresent(accept -> ctx.edge(upload, accept));
        }
      };

  public LicenseKind() {
    super(
        ResourceKind.LICENSE,
        c -> c.license().stream().toList(),
        List.of(PlanActionType.UPLOAD_LICENSE, PlanActionType.ACCEPT_LICENSE_PARAMETERS),
        LICENSE_BEFORE_PARAMETERS);
  }

  @Override
  public void plan(Change change, PlanContext ctx) {
    DesiredLicense l = wanted(change, DesiredLicense.class);
    if (change.action() == Action.CREATE) {
      ctx.add(new UploadLicense(l.address()));
    }
    ctx.add(new AcceptLicenseParameters(l.address(), l.parameters()));
  }

  @Override
  public void diff(DiffContext ctx, DiffCollector out) {
    if (ctx.want().license().isEmpty()) {
      return;
    }
    DesiredLicense want = ctx.want().license().get();
    LicenseState live = ctx.live().license();
    boolean present = live.present() || ctx.live().config().licensed();
    if (!present) {
      List<FieldChange> fields = new ArrayList<>();
      fields.add(FieldChange.sensitive("text"));
      fields.add(FieldChange.added("parameters", describe(want.parameters())));
      out.change(Change.create(want, fields));
    } else if (!live.finalized()) {
      out.change(
          Change.update(
              want,
              List.of(
                  FieldChange.changed("finalized", false, true),
                  FieldChange.added("parameters", describe(want.parameters())))));
    } else if (live.accepted().isPresent()) {
      List<String> differences = LicenseParametersDigest.differences(want.parameters(), live.accepted().get());
      if (!differences.isEmpty()) {
        out.irreversible(
            want.address(),
            "the license was accepted with other parameters than the spec's ("
                + describe(want.parameters())
                + "): "
                + String.join("; ", differences));
      }
    }
  }

  /** The parameters in one line, e.g. {@code default} or {@code subnet=10.100.0.0/24 asns=...}. */
  static String describe(LicenseParameters p) {
    if (p.useDefault()) {
      return "default";
    }
    List<String> parts = new ArrayList<>();
    p.subnet().ifPresent(v -> parts.add("subnet=" + v));
    if (!p.managers().isEmpty()) {
      parts.add("managers=" + String.join(",", p.managers()));
    }
    p.asns().ifPresent(v -> parts.add("asns=" + v));
    p.clients().ifPresent(v -> parts.add("clients=" + v));
    p.myManagerVip().ifPresent(v -> parts.add("my_manager_vip=" + v));
    return String.join(" ", parts);
  }
}
