package dev.sextant.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.sextant.sdk.Sextant;
import dev.sextant.sdk.Span;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Records every call of a LangChain4j chat model (blocking or streaming) as an LLM span: a
 * child of the current Sextant span or trace when the call starts (a trace of its own
 * otherwise), with the model, the provider, the request messages as input, the answer as output,
 * the token usage, the finish reason, and status error with the exception's text when the call
 * fails. The server prices it from model and usage. Register it on the model's builder:
 * {@code OpenAiChatModel.builder()...listeners(List.of(new SextantChatModelListener(sextant)))}.
 *
 * <p>Like the SDK it never throws into the agent: LangChain4j calls listeners inside its own
 * try/catch, and everything here only records into the SDK's queue.
 */
public final class SextantChatModelListener implements ChatModelListener {
    /** The key under which the span travels from onRequest to onResponse/onError in the call's attributes. */
    private static final Object SPAN_KEY = SextantChatModelListener.class;

    private final Sextant sextant;
    private final String spanName;

    /** Spans named {@code "chat"} (the GenAI convention's operation name). */
    public SextantChatModelListener(Sextant sextant) {
        this(sextant, "chat");
    }

    public SextantChatModelListener(Sextant sextant, String spanName) {
        this.sextant = Objects.requireNonNull(sextant, "sextant must not be null: pass the Sextant client that sends the spans");
        this.spanName = Objects.requireNonNull(spanName, "spanName must not be null");
        if (spanName.isBlank()) {
            throw new IllegalArgumentException("spanName must not be blank");
        }
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        ChatRequest request = context.chatRequest();
        Span span = sextant.llm(spanName)
                .model(request.modelName())
                .provider(providerName(context.modelProvider()))
                .input(Messages.of(request.messages()))
                .start();
        context.attributes().put(SPAN_KEY, span);
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        Span span = spanOf(context.attributes(), context.chatRequest(), context.modelProvider());
        ChatResponse response = context.chatResponse();
        if (response.modelName() != null) {
            span.model(response.modelName()); // the model that answered is the one billed
        }
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            CallUsage counts = CallUsage.of(usage);
            span.usage(counts.input(), counts.output(), counts.cacheRead(), counts.cacheWrite(), counts.reasoning());
        }
        if (response.finishReason() != null) {
            span.attribute("finish_reason", response.finishReason().name().toLowerCase(Locale.ROOT));
        }
        if (response.id() != null) {
            span.attribute("response_id", response.id());
        }
        AiMessage message = response.aiMessage();
        if (message != null) {
            span.output(Messages.output(message));
        }
        span.end();
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        spanOf(context.attributes(), context.chatRequest(), context.modelProvider()).end(context.error());
    }

    /** The span onRequest started; one started now if onRequest was not called (LangChain4j fails some calls before it). */
    private Span spanOf(Map<Object, Object> attributes, ChatRequest request, ModelProvider provider) {
        Object span = attributes.remove(SPAN_KEY);
        if (span instanceof Span started) {
            return started;
        }
        return sextant.llm(spanName)
                .model(request == null ? null : request.modelName())
                .provider(providerName(provider))
                .input(request == null ? null : Messages.of(request.messages()))
                .start();
    }

    /** The OpenTelemetry GenAI {@code gen_ai.provider.name} spelling where there is one. */
    static String providerName(ModelProvider provider) {
        if (provider == null) {
            return null;
        }
        // By name, not by constant: an older LangChain4j may lack some of them.
        return switch (provider.name()) {
            case "OPEN_AI" -> "openai";
            case "AZURE_OPEN_AI" -> "azure.ai.openai";
            case "ANTHROPIC" -> "anthropic";
            case "AMAZON_BEDROCK" -> "aws.bedrock";
            case "GOOGLE_AI_GEMINI" -> "gcp.gemini";
            case "GOOGLE_GENAI" -> "gcp.gen_ai";
            case "GOOGLE_VERTEX_AI_GEMINI", "GOOGLE_VERTEX_AI_ANTHROPIC" -> "gcp.vertex_ai";
            case "MISTRAL_AI" -> "mistral_ai";
            case "WATSONX" -> "ibm.watsonx.ai";
            default -> provider.name().toLowerCase(Locale.ROOT);
        };
    }
}
