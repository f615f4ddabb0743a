package dev.meshctl.engine.live;

import java.util.Optional;

/**
 * What {@code GET /license} says.
 *
 * @param present a license was uploaded (or arrived with a keyset)
 * @param finalized its parameters were accepted (irreversible)
 * @param capacity how many controllers the license allows (bounds the peer IDs)
 * @param parametersDigest a stable digest of the accepted parameters (subnet, managers, asns,
 *     clients, VIP) to compare with the spec's, empty if not finalized
 */
public record LicenseState(
    boolean present, boolean finalized, Optional<Integer> capacity, Optional<String> parametersDigest) {
  public static final LicenseState ABSENT =
      new LicenseState(false, false, Optional.empty(), Optional.empty());
}
