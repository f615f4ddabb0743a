package dev.meshctl.dsl.model;

import java.util.List;
import java.util.Optional;

/**
 * What {@code PUT /license/parameters} is sent: either {@code default: true} or custom values.
 * Accepting parameters is irreversible on a controller.
 */
public record LicenseParameters(
    boolean useDefault,
    Optional<String> subnet,
    List<String> managers,
    Optional<String> asns,
    Optional<String> clients,
    Optional<String> myManagerVip) {
  public static final LicenseParameters DEFAULT =
      new LicenseParameters(
          true, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
}
