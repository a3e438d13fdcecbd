package dev.sextant.sdk.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random ids in OpenTelemetry's shapes (32 hex characters for traces, 16 for spans, scores and
 * sessions): {@link ThreadLocalRandom} rather than {@code UUID.randomUUID()}, whose SecureRandom
 * would cost the caller's thread far more than the rest of recording a span.
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    public static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[32];
        fill(out, 0, random.nextLong());
        fill(out, 16, random.nextLong());
        return new String(out);
    }

    public static String spanId() {
        char[] out = new char[16];
        fill(out, 0, ThreadLocalRandom.current().nextLong());
        return new String(out);
    }

    private static void fill(char[] out, int at, long bits) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
    }
}
