package dev.sextant.sdk;

import dev.sextant.sdk.internal.PromptClient;
import dev.sextant.sdk.internal.WarnOnce;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Fetched templates by id. A template younger than {@link #FRESH} is answered from memory; an
 * older one is revalidated with its ETag (304: kept, a new version: replaced). When the server
 * cannot answer, the last good copy is kept and answered; with none, a {@link Prompt} with the error.
 */
final class PromptCache {
    static final Duration FRESH = Duration.ofSeconds(30);

    private record Entry(Prompt prompt, String etag, long fetchedAtNanos) {}

    private final PromptClient client;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    PromptCache(PromptClient client, LongSupplier nanoTime) {
        this.client = client;
        this.nanoTime = nanoTime;
    }

    Prompt get(String templateId) {
        if (templateId == null || templateId.isBlank()) {
            return new Prompt(client, templateId, null, null, java.util.List.of(), "a prompt template id is required");
        }
        long now = nanoTime.getAsLong();
        Entry cached = entries.get(templateId);
        if (cached != null && now - cached.fetchedAtNanos < FRESH.toNanos()) {
            return cached.prompt;
        }
        PromptClient.Fetched f = client.fetch(templateId, cached == null ? null : cached.etag);
        if (f.error() != null) {
            WarnOnce.warn("prompt-fetch", "Sextant SDK: prompt template '" + templateId + "' could not be fetched: "
                    + f.error() + (cached == null ? "" : "; using the copy fetched before"));
            return cached != null ? cached.prompt
                    : new Prompt(client, templateId, null, null, java.util.List.of(), f.error());
        }
        Entry fresh = f.notModified() ? new Entry(cached.prompt, cached.etag, now)
                : new Entry(new Prompt(client, templateId, f.version(), f.text(), f.variables(), null), f.etag(), now);
        entries.put(templateId, fresh);
        return fresh.prompt;
    }
}
