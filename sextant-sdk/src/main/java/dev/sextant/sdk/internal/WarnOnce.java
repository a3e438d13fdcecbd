package dev.sextant.sdk.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Logs each kind of trouble once at WARNING (then at DEBUG), so a broken setup does not flood the agent's log. */
public final class WarnOnce {
    private static final System.Logger LOG = System.getLogger("dev.sextant.sdk");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private WarnOnce() {}

    public static void warn(String kind, String message) {
        LOG.log(SEEN.add(kind) ? Level.WARNING : Level.DEBUG, message);
    }
}
