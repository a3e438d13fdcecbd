package dev.sextant.server.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchFilterTest {
    private static final SearchFilter.Subject RUN = new SearchFilter.Subject() {
        @Override
        public Object attribute(String key) {
            return Map.<String, Object>of("status", "FINISHED", "start_time", 1000L, "run_name", "lora r8").get(key);
        }

        @Override
        public String param(String key) {
            return Map.of("batch_size", "32", "lora.r", "8").get(key);
        }

        @Override
        public String tag(String key) {
            return Map.of("team", "nlp", "my tag", "x").get(key);
        }

        @Override
        public Double metric(String key) {
            return Map.of("eval_loss", 0.5, "acc", Double.NaN).get(key);
        }
    };

    private static boolean matches(String filter) {
        return SearchFilter.parse(filter, SearchFilter.Target.RUNS).matches(RUN);
    }

    @Test
    void clausesJoinedByAndMatchLikeMlflows() {
        assertThat(matches("")).isTrue();
        assertThat(matches("metrics.eval_loss < 1.0 and params.batch_size = '32'")).isTrue();
        assertThat(matches("metrics.eval_loss<0.5")).isFalse();
        assertThat(matches("metrics.eval_loss <= 0.5 AND metrics.eval_loss >= 0.5 AND metrics.eval_loss = 0.5")).isTrue();
        assertThat(matches("metrics.eval_loss != 0.5")).isFalse();
        assertThat(matches("metric.eval_loss > -1e3")).isTrue();
        assertThat(matches("params.lora.r = \"8\"")).isTrue();
        assertThat(matches("tags.`my tag` = 'x' and tags.team != 'cv'")).isTrue();
        assertThat(matches("attributes.status = 'FINISHED' and start_time > 999 and run_name = 'lora r8'")).isTrue();
        assertThat(matches("params.missing != 'x'")).isFalse(); // a run without the key matches neither = nor !=
        assertThat(matches("metrics.missing < 1")).isFalse();
        assertThat(matches("metrics.acc < 1")).isFalse(); // NaN compares false
    }

    @Test
    void everythingElseIsRefusedNamingThePart() {
        assertThatThrownBy(() -> matches("metrics.a < 1 or metrics.b < 1")).hasMessageContaining("'OR' is not supported");
        assertThatThrownBy(() -> matches("params.b ILIKE 'x'")).hasMessageContaining("'ILIKE' is not supported");
        assertThatThrownBy(() -> matches("metrics.a < 1 metrics.b < 2")).hasMessageContaining("expected AND");
        assertThatThrownBy(() -> matches("attributes.artifact_uri = 'x'")).hasMessageContaining("'attributes.artifact_uri'");
        assertThatThrownBy(() -> matches("tags.t > 'a'")).hasMessageContaining("'tags.t >' is not supported");
        assertThatThrownBy(() -> matches("params.p = 3")).hasMessageContaining("quoted string");
        assertThatThrownBy(() -> SearchFilter.parse("params.p = '3'", SearchFilter.Target.EXPERIMENTS))
                .hasMessageContaining("attributes and tags only");
        assertThatThrownBy(() -> matches("= 1")).hasMessageContaining("expected an identifier");
    }
}
