package dev.sextant.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/** What a generated piece of code is; sent as the {@code type} attribute of the code_generation span. */
enum CodegenType {
    MIGRATION, FUNCTION, CLASS, TEST, CONFIG;

    static final String VALUES = Arrays.stream(values()).map(CodegenType::wire).collect(Collectors.joining(", "));

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CodegenType fromWire(String value) {
        for (CodegenType t : values()) {
            if (t.wire().equals(value)) {
                return t;
            }
        }
        throw new TypeConversionException("must be one of " + VALUES + ", was \"" + value + "\"");
    }
}
