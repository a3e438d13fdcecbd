package dev.sextant.sdk;

import dev.sextant.sdk.AgentConfiguration.Source;
import dev.sextant.sdk.internal.ConfigurationClient;
import dev.sextant.sdk.internal.WarnOnce;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The active configurations this client has asked for, each kept for the TTL. After it the
 * server is asked again with the known ETag (a 304 keeps the value); when the server fails, the
 * last good value is served (and the server asked again only after another TTL). Callers of one
 * id wait for one request instead of each sending their own.
 */
final class ActiveConfigurations {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final ConfigurationClient client;
    private final Duration ttl;
    private final LongSupplier nanoClock;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, AgentSlot> agents = new ConcurrentHashMap<>();

    /** Which configuration an agent runs: found once and kept (a configuration's agent never changes). */
    private static final class AgentSlot {
        String configurationId;
        String error;
        long checkedAt;
    }

    private static final class Slot {
        AgentConfiguration value;
        String etag;
        long checkedAt;
    }

    ActiveConfigurations(ConfigurationClient client, Duration ttl, LongSupplier nanoClock) {
        this.client = client;
        this.ttl = ttl;
        this.nanoClock = nanoClock;
    }

    /**
     * The active version of the agent's configuration (its oldest, when it has several). A failed
     * or empty lookup is kept for the TTL like a failed read.
     */
    AgentConfiguration forAgent(String agentId) {
        if (agentId == null || agentId.isBlank() || agentId.length() > 200) {
            return AgentConfiguration.none(null, "an agent id is 1 to 200 characters, was "
                    + (agentId == null ? "null" : agentId.length() + " characters"));
        }
        AgentSlot slot = agents.computeIfAbsent(agentId, k -> new AgentSlot());
        String id;
        synchronized (slot) {
            long now = nanoClock.getAsLong();
            if (slot.configurationId == null && (slot.error == null || now - slot.checkedAt >= ttl.toNanos())) {
                ConfigurationClient.Listing listing = client.idsOf(agentId);
                slot.checkedAt = now;
                slot.error = listing.error() != null ? listing.error()
                        : listing.ids().isEmpty() ? "agent '" + agentId + "' has no configuration" : null;
                slot.configurationId = listing.ids().isEmpty() ? null : listing.ids().get(0);
                if (listing.error() != null) {
                    WarnOnce.warn("configuration-agent-" + agentId, "Sextant SDK: cannot find the configuration of agent "
                            + agentId + ": " + listing.error());
                }
            }
            if (slot.configurationId == null) {
                return AgentConfiguration.none(null, slot.error);
            }
            id = slot.configurationId;
        }
        return get(id);
    }

    AgentConfiguration get(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return AgentConfiguration.none(id, "a configuration id is 1 to 64 characters of a-z, 0-9, '.', '_', '-',"
                    + " was " + (id == null ? "null" : "'" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "'"));
        }
        Slot slot = slots.computeIfAbsent(id, k -> new Slot());
        synchronized (slot) {
            long now = nanoClock.getAsLong();
            if (slot.value != null && now - slot.checkedAt < ttl.toNanos()) {
                return slot.value.source() == Source.NONE || slot.value.source() == Source.LAST_GOOD ? slot.value
                        : slot.value.from(Source.CACHE, null);
            }
            boolean known = slot.value != null && slot.value.known();
            ConfigurationClient.Answer answer = client.active(id, known ? slot.etag : null);
            slot.checkedAt = now;
            if (answer.error() != null) {
                WarnOnce.warn("configuration-" + id, "Sextant SDK: cannot read configuration " + id + ": "
                        + answer.error() + (known ? "; using version " + slot.value.versionId() : ""));
                slot.value = known ? slot.value.from(Source.LAST_GOOD, answer.error())
                        : AgentConfiguration.none(id, answer.error());
            } else if (answer.notModified() && known) {
                slot.value = slot.value.from(Source.REVALIDATED, null);
            } else {
                slot.value = new AgentConfiguration(id, answer.versionId(), answer.version(), answer.content(),
                        Source.SERVER, null);
                slot.etag = answer.etag();
            }
            return slot.value;
        }
    }
}
