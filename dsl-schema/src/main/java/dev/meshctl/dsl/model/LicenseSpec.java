package dev.meshctl.dsl.model;

import java.nio.file.Path;

/**
 * The topology's license: uploaded to the root controller only; the others receive it with the
 * keyset.
 *
 * @param file where the license was read from (for messages)
 * @param text the license text, a secret
 * @param parameters the license parameters to accept
 */
public record LicenseSpec(Path file, Secret text, LicenseParameters parameters) {}
