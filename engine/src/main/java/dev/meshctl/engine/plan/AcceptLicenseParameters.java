package dev.meshctl.engine.plan;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.client.Vns3Client;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /license/parameters}, then wait for the reboot it causes (the API goes down, then
 * must answer healthily again). Irreversible.
 */
public record AcceptLicenseParameters(ResourceAddress address, LicenseParameters licenseParameters)
    implements PlanAction {
  @Override
  public ActionType actionType() {
    return PlanActionType.ACCEPT_LICENSE_PARAMETERS;
  }

  @Override
  public BackgroundWork waits() {
    return BackgroundWork.REBOOT;
  }

  @Override
  public Future<Void> run(ActionRun run) {
    Vns3Client c = run.client();
    Duration reboot = run.spec().execution().rebootTimeout();
    return c.putLicenseParameters(licenseParameters)
        .compose(v -> run.abandonable(c.awaitReboot(reboot), "the reboot"));
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (licenseParameters.useDefault()) {
      p.put("default", true);
      return p;
    }
    licenseParameters.subnet().ifPresent(v -> p.put("subnet", v));
    if (!licenseParameters.managers().isEmpty()) {
      p.put("managers", String.join(" ", licenseParameters.managers()));
    }
    licenseParameters.asns().ifPresent(v -> p.put("asns", v));
    licenseParameters.clients().ifPresent(v -> p.put("clients", v));
    licenseParameters.myManagerVip().ifPresent(v -> p.put("my_manager_vip", v));
    return p;
  }

  static AcceptLicenseParameters read(ResourceAddress at, ActionParameters p) {
    return new AcceptLicenseParameters(at, licenseParameters(p));
  }

  private static LicenseParameters licenseParameters(ActionParameters p) {
    if (p.flag("default")) {
      return LicenseParameters.DEFAULT;
    }
    String managers = p.optionalText("managers").orElse("");
    List<String> list = managers.isBlank() ? List.of() : Arrays.asList(managers.trim().split("\\s+"));
    return new LicenseParameters(
        false,
        p.optionalText("subnet"),
        List.copyOf(list),
        p.optionalText("asns"),
        p.optionalText("clients"),
        p.optionalText("my_manager_vip"));
  }
}
