package dev.meshctl.engine.plan;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.engine.address.ResourceAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PUT /license/parameters}, then wait for the reboot it causes (the API goes down, then
 * must answer healthily again). Irreversible.
 */
public record AcceptLicenseParameters(ResourceAddress address, LicenseParameters licenseParameters)
    implements PlanAction {
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
}
