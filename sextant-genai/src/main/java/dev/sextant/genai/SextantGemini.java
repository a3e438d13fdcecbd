package dev.sextant.genai;

import com.google.genai.Client;
import com.google.genai.JsonSerializable;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import dev.sextant.sdk.Sextant;
import dev.sextant.sdk.Span;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Calls Gemini through the Google Gen AI Java SDK and records each call as an LLM span of the
 * current Sextant trace (nested under the current span; a trace of its own when there is none):
 * the model that answered, {@link GeminiUsage} from {@code usageMetadata}, the contents as input,
 * the text as output, the finish reason, latency, and status error with the exception's text
 * when the call fails (the exception is rethrown unchanged). The server prices the span with its
 * Gemini prices, prompt-size tiers included.
 *
 * <pre>{@code
 * SextantGemini gemini = new SextantGemini(sextant);
 * GenerateContentResponse response = gemini.generateContent(client, "gemini-2.5-flash", "Hello", null);
 * }</pre>
 */
public final class SextantGemini {
    private final Sextant sextant;

    public SextantGemini(Sextant sextant) {
        this.sextant = Objects.requireNonNull(sextant, "sextant must not be null: pass the Sextant client that sends the spans");
    }

    public GenerateContentResponse generateContent(Client client, String model, String text, GenerateContentConfig config) {
        Span span = start(client, model, text);
        return finish(span, () -> client.models.generateContent(model, text, config));
    }

    public GenerateContentResponse generateContent(Client client, String model, Content content, GenerateContentConfig config) {
        Span span = start(client, model, json(content));
        return finish(span, () -> client.models.generateContent(model, content, config));
    }

    public GenerateContentResponse generateContent(Client client, String model, List<Content> contents,
            GenerateContentConfig config) {
        Span span = start(client, model, json(contents));
        return finish(span, () -> client.models.generateContent(model, contents, config));
    }

    /**
     * {@code client.models.generateContentStream}: the span covers the whole stream and ends when
     * it is read to its end, fails, or is closed; see {@link RecordedStream}.
     */
    public RecordedStream generateContentStream(Client client, String model, List<Content> contents,
            GenerateContentConfig config) {
        Span span = start(client, model, json(contents));
        try {
            return new RecordedStream(client.models.generateContentStream(model, contents, config), span);
        } catch (RuntimeException | Error e) {
            span.end(e);
            throw e;
        }
    }

    /**
     * {@code client.async.models.generateContent}: the span ends when the call completes, and the
     * future returned completes after that (so a caller that joins it and closes Sextant loses
     * nothing), with the call's answer or exception.
     */
    public CompletableFuture<GenerateContentResponse> generateContentAsync(Client client, String model,
            List<Content> contents, GenerateContentConfig config) {
        Span span = start(client, model, json(contents));
        CompletableFuture<GenerateContentResponse> future;
        try {
            future = client.async.models.generateContent(model, contents, config);
        } catch (RuntimeException | Error e) {
            span.end(e);
            throw e;
        }
        return future.whenComplete((response, error) -> {
            if (error != null) {
                span.end(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                record(span, response);
                span.end();
            }
        });
    }

    /**
     * Puts a response on a span the caller started and will end: the answering model, usage,
     * output text, finish reason and response id. For a streamed call, pass the last chunk (it
     * carries the complete usage). Never throws.
     */
    public static void record(Span span, GenerateContentResponse response) {
        if (span == null || response == null) {
            return;
        }
        response.modelVersion().ifPresent(span::model); // the model that answered is the one billed
        GeminiUsage.of(response).ifPresent(u -> span.usage(u.inputTokens(), u.outputTokens(), u.cacheReadTokens(), 0,
                u.reasoningTokens()));
        response.responseId().ifPresent(id -> span.attribute("response_id", id));
        response.candidates().flatMap(c -> c.stream().findFirst()).flatMap(Candidate::finishReason)
                .ifPresent(reason -> span.attribute("finish_reason", reason.toString().toLowerCase(Locale.ROOT)));
        try {
            String text = response.text();
            List<FunctionCall> calls = response.functionCalls();
            if (text != null) {
                span.output(text);
            } else if (calls != null && !calls.isEmpty()) {
                span.output(JsonSerializable.toJsonString(calls));
            }
        } catch (RuntimeException e) {
            span.attribute("output_error", e.toString()); // an answer the SDK cannot read as text; the call itself succeeded
        }
    }

    private Span start(Client client, String model, String input) {
        return sextant.llm("generate_content").model(model).provider(client.vertexAI() ? "gcp.vertex_ai" : "gcp.gemini")
                .input(input).start();
    }

    private static GenerateContentResponse finish(Span span, Supplier<GenerateContentResponse> call) {
        GenerateContentResponse response;
        try {
            response = call.get();
        } catch (RuntimeException | Error e) {
            span.end(e);
            throw e;
        }
        record(span, response);
        span.end();
        return response;
    }

    private static String json(Object value) {
        return value == null ? null : JsonSerializable.toJsonString(value);
    }
}
