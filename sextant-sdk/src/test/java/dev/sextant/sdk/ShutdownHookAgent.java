package dev.sextant.sdk;

import java.time.Duration;

/** A tiny agent for {@link ITShutdownHook}: records one trace and returns from main without closing the client. */
public final class ShutdownHookAgent {
    private ShutdownHookAgent() {}

    public static void main(String[] args) {
        Sextant sextant = Sextant.builder().endpoint(args[0]).apiKey(args[1]).agentId("exiting-bot")
                .flushInterval(Duration.ofMinutes(10)).closeOnShutdown(true).build();
        sextant.trace("last words").id(args[2]).start().end();
        // no close(): the shutdown hook sends the queued trace as the JVM exits
    }
}
