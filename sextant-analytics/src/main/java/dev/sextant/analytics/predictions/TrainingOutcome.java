package dev.sextant.analytics.predictions;

import java.util.List;
import java.util.Map;

/**
 * What one training produced: status ({@link #OFFERED}, {@link #NOT_OFFERED},
 * {@link #INSUFFICIENT_DATA}) and the reason in words, the algorithm chosen, the held-out
 * quality figures (sample sizes always), the top features, and the serialized model (null when
 * nothing was fitted).
 */
public record TrainingOutcome(String status, String reason, String algorithm, Map<String, Object> quality,
        List<Map<String, Object>> topFeatures, byte[] model) {
    public static final String OFFERED = "offered";
    public static final String NOT_OFFERED = "not_offered";
    public static final String INSUFFICIENT_DATA = "insufficient_data";

    /** The quality figures with the algorithm and top features, as the JSON object stored with the model. */
    public String qualityJson() {
        Map<String, Object> all = new java.util.LinkedHashMap<>(quality);
        all.put("algorithm", algorithm);
        all.put("top_features", topFeatures);
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(all);
    }
}
