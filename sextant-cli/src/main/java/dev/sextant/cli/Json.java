package dev.sextant.cli;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the CLI. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
