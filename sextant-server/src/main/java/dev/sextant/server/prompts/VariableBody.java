package dev.sextant.server.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A declared variable as posted: {@code name}, {@code description}, {@code required} (default true), {@code default}. */
record VariableBody(String name, String description, Boolean required, @JsonProperty("default") String defaultValue) {}
