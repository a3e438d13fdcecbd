package dev.sextant.server.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One page of a search's ordered results; the page token is the offset of the next page, opaque to clients. */
record SearchPage<T>(List<T> items, String nextToken) {

    static int maxResults(ProtoJson message, int byDefault, int max) {
        Long value = message.int64("max_results");
        if (value == null) {
            return byDefault;
        }
        if (value < 1 || value > max) {
            throw MlflowException.invalid("Invalid value for parameter 'max_results': must be between 1 and " + max
                    + ", was " + value);
        }
        return value.intValue();
    }

    static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (plain.startsWith("offset:")) {
                int offset = Integer.parseInt(plain.substring("offset:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw MlflowException.invalid("Invalid page token '" + Keys.shorten(token) + "': not one this server issued");
    }

    static <T> SearchPage<T> of(List<T> all, int offset, int max) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + max, all.size());
        String next = to < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)) : null;
        return new SearchPage<>(List.copyOf(all.subList(from, to)), next);
    }
}
