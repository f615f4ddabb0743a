package dev.meshctl.simulator.api;

import dev.meshctl.simulator.license.SimLicense;
import dev.meshctl.simulator.license.Topology;
import dev.meshctl.simulator.state.ControllerData;
import java.util.Optional;

/** Preconditions shared by the handlers. */
final class Guards {
  private Guards() {}

  /** 403 "Must be licensed first." unless the license is uploaded and finalized. */
  static void licensed(ControllerData d) {
    if (!d.licensed()) {
      throw ApiError.unlicensed();
    }
  }

  /** How many controllers the uploaded license allows (0 without a license). */
  static int capacity(ControllerData d) {
    return d.licenseText.flatMap(SimLicense::parse).map(SimLicense::controllers).orElse(0);
  }

  /** The overlay addressing of the license, once its parameters are accepted. */
  static Optional<Topology> topology(ControllerData d) {
    return d.licensed() ? Optional.of(Topology.of(capacity(d), d.parameters)) : Optional.empty();
  }

  /** The uploaded license's id ("" without a license). */
  static String licenseId(ControllerData d) {
    return d.licenseText.flatMap(SimLicense::parse).map(SimLicense::licenseId).orElse("");
  }
}
