package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration fails at once, saying what is wrong; nothing else ever throws. */
class SextantBuilderTest {
    @Test
    void endpointMustBeAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> Sextant.builder().endpoint((URI) null))
                .isInstanceOf(NullPointerException.class).hasMessage("endpoint must not be null");
        assertThatThrownBy(() -> Sextant.builder().endpoint("localhost:7070"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoint must be an absolute http or https URL such as http://localhost:7070, was localhost:7070");
        assertThatThrownBy(() -> Sextant.builder().endpoint("ftp://example.com"))
                .hasMessageStartingWith("endpoint must be an absolute http or https URL");
        assertThatThrownBy(() -> Sextant.builder().endpoint("http://localhost:7070/?x=1"))
                .hasMessage("endpoint must be the server's base URL without query or fragment, was http://localhost:7070/?x=1");
        assertThatThrownBy(() -> Sextant.builder().endpoint("http://local host"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endpoint must be an absolute http");
    }

    @Test
    void apiKeyAndAgentAreChecked() {
        assertThatThrownBy(() -> Sextant.builder().apiKey(null)).hasMessage("apiKey must not be null");
        assertThatThrownBy(() -> Sextant.builder().apiKey(" "))
                .hasMessage("apiKey must be a non-blank key without spaces or control characters");
        assertThatThrownBy(() -> Sextant.builder().apiKey("sk-a\nb"))
                .hasMessage("apiKey must be a non-blank key without spaces or control characters");
        assertThatThrownBy(() -> Sextant.builder().agentId(""))
                .hasMessage("agentId must be 1 to 256 characters and not blank, was \"\"");
    }

    @Test
    void sizesAndDurationsAreChecked() {
        assertThatThrownBy(() -> Sextant.builder().queueCapacity(0))
                .hasMessage("queueCapacity must be between 1 and 10000000, was 0");
        assertThatThrownBy(() -> Sextant.builder().maxBatchSize(50_001))
                .hasMessage("maxBatchSize must be between 1 and 50000, was 50001");
        assertThatThrownBy(() -> Sextant.builder().maxAttempts(0)).hasMessage("maxAttempts must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> Sextant.builder().flushInterval(Duration.ZERO))
                .hasMessage("flushInterval must be positive, was PT0S");
        assertThatThrownBy(() -> Sextant.builder().requestTimeout(null)).hasMessage("requestTimeout must not be null");
        assertThatThrownBy(() -> Sextant.builder().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("retryBackoff max (PT1S) must not be shorter than initial (PT2S)");
    }

    @Test
    void buildNeedsAnEndpointAndAKey() {
        assertThatThrownBy(() -> Sextant.builder().apiKey("sk-x").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("endpoint is not set: call endpoint(\"http://localhost:7070\")");
        assertThatThrownBy(() -> Sextant.builder().endpoint("http://localhost:7070").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("apiKey is not set: call apiKey(...) with a key that has the ingest:write scope");
    }
}
