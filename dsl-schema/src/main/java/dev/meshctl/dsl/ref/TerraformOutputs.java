package dev.meshctl.dsl.ref;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outputs of {@code terraform output -json}: a JSON object of output name to
 * {@code {"value": ..., "type": ..., "sensitive": ...}}.
 *
 * @param outputs each output's value and whether Terraform marks it sensitive
 * @param diagnostics problems reading the file (then {@code outputs} is empty)
 */
public record TerraformOutputs(Map<String, Output> outputs, List<Diagnostic> diagnostics) {

  /** One output's value. */
  public record Output(JsonNode value, boolean sensitive) {}

  public TerraformOutputs {
    outputs = Map.copyOf(outputs);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Parses the JSON {@code text} of the file shown to users as {@code file}. */
  public static TerraformOutputs parse(String text, String file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      SourceLocation at =
          new SourceLocation(
              file, l == null ? 1 : Math.max(1, l.getLineNr()), l == null ? 1 : Math.max(1, l.getColumnNr()));
      return failed("invalid JSON in Terraform outputs: " + e.getOriginalMessage(), at);
    }
    if (root == null || !root.isObject()) {
      return failed(
          "Terraform outputs must be the JSON object written by `terraform output -json`",
          new SourceLocation(file, 1, 1));
    }
    Map<String, Output> outputs = new TreeMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    root.fields()
        .forEachRemaining(
            f -> {
              JsonNode o = f.getValue();
              if (!o.isObject() || !o.has("value")) {
                problems.add(
                    Diagnostic.error(
                        "Terraform output '" + f.getKey() + "' has no \"value\"",
                        new SourceLocation(file, 1, 1),
                        ""));
              } else {
                outputs.put(f.getKey(), new Output(o.get("value"), o.path("sensitive").asBoolean(false)));
              }
            });
    return new TerraformOutputs(outputs, problems);
  }

  private static TerraformOutputs failed(String message, SourceLocation at) {
    return new TerraformOutputs(Map.of(), List.of(Diagnostic.error(message, at, "inputs.terraform")));
  }

  /** The output called {@code name}, if present. */
  public Optional<Output> get(String name) {
    return Optional.ofNullable(outputs.get(name));
  }
}
