package dev.sextant.otlp;

import com.google.protobuf.ByteString;
import java.util.HexFormat;

/** OTLP ids (bytes) as Sextant ids: lower-case hex of exactly the spec's length, never all zero. */
final class OtlpIds {
    private OtlpIds() {}

    /** The hex id, or null with a problem recorded when it has the wrong length or is all zero. */
    static String id(String field, ByteString bytes, int length, SpanProblems problems) {
        if (bytes.size() != length) {
            problems.add(field + " must be " + length + " bytes (" + length * 2 + " hex characters), was "
                    + bytes.size() + " bytes");
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (bytes.byteAt(i) != 0) {
                return hex(bytes);
            }
        }
        problems.add(field + " must not be all zeros (the spec's invalid id)");
        return null;
    }

    static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
