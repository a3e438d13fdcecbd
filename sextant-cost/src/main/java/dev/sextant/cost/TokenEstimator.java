package dev.sextant.cost;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.sextant.model.Usage;

/**
 * Estimates token counts from text with jtokkit when a call reported no usage. One shared,
 * thread-safe encoding (o200k_base, the tokenizer of current OpenAI models and a fair
 * approximation for others). Special-token strings in user text count as ordinary text.
 */
public final class TokenEstimator {

    private static final TokenEstimator SHARED =
            new TokenEstimator(Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE));

    private final Encoding encoding;

    private TokenEstimator(Encoding encoding) {
        this.encoding = encoding;
    }

    public static TokenEstimator shared() {
        return SHARED;
    }

    /** Tokens of the text; 0 for null or empty text. */
    public long count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Estimated usage of a call from its input and output text, marked {@code estimated}. */
    public Usage estimate(String input, String output) {
        return new Usage(count(input), count(output), 0, 0, 0, true);
    }
}
