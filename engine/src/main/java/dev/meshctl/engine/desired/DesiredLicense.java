package dev.meshctl.engine.desired;

import dev.meshctl.dsl.model.LicenseParameters;
import dev.meshctl.engine.address.ResourceAddress;

/**
 * The root's license, uploaded and finalized with these parameters. The license text is a secret
 * and stays in the spec.
 *
 * @param parametersDigest {@link dev.meshctl.engine.live.LicenseParametersDigest#of} the parameters, to compare with the live digest
 */
public record DesiredLicense(
    ResourceAddress address, LicenseParameters parameters, String parametersDigest)
    implements DesiredResource {}
