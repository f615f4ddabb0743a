package dev.meshctl.dsl.ref;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshctl.dsl.diag.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * A document tree with its {@code ${...}} references replaced by their values.
 *
 * @param tree the resolved tree (a copy; the input is untouched)
 * @param diagnostics unresolvable references
 * @param referenced spec paths whose value came, wholly or partly, from a reference
 * @param unresolved spec paths whose value still holds an unresolvable reference, or one left
 *     unread on purpose
 * @param secrets every value read from {@code ${env:...}} or {@code ${file:...}}, whatever field
 *     it went to: output masks them all ({@link dev.meshctl.dsl.model.Masker})
 * @param unread the references checked for form but not read, e.g. {@code
 *     servers.api.password: ${env:VNS3_API_PASSWORD}}, in document order
 */
public record Resolution(
    JsonNode tree,
    List<Diagnostic> diagnostics,
    Set<String> referenced,
    Set<String> unresolved,
    Set<String> secrets,
    List<String> unread) {
  public Resolution {
    diagnostics = List.copyOf(diagnostics);
    referenced = Set.copyOf(referenced);
    unresolved = Set.copyOf(unresolved);
    secrets = Set.copyOf(secrets);
    unread = List.copyOf(unread);
  }
}
