package dev.meshctl.dsl.yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A YAML document as a JSON tree (what the JSON Schema validates) and the source position of every
 * node in it.
 */
public record YamlDocument(JsonNode tree, SourceMap sourceMap) {}
