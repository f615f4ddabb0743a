package dev.meshctl.engine.live;

import dev.meshctl.dsl.model.LicenseParameters;
import java.util.Optional;

/**
 * What {@code GET /license} says.
 *
 * @param present a license was uploaded (or arrived with a keyset)
 * @param finalized its parameters were accepted (irreversible)
 * @param capacity how many controllers the license allows (bounds the peer IDs)
 * @param accepted the accepted parameters as the license reports them (its {@code topology},
 *     {@code custom_addressing} and {@code my_manager_vip}), empty if not finalized; a field the
 *     license does not report is empty there too
 */
public record LicenseState(
    boolean present, boolean finalized, Optional<Integer> capacity, Optional<LicenseParameters> accepted) {
  public static final LicenseState ABSENT =
      new LicenseState(false, false, Optional.empty(), Optional.empty());

  /** A stable digest of the accepted parameters, empty if not finalized. */
  public Optional<String> parametersDigest() {
    return accepted.map(LicenseParametersDigest::of);
  }
}
