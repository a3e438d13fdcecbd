package dev.sextant.server.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the whole {@code sextant-java-sdk/<version>} form is read; everything else is ignored. */
class SdkUserAgentTest {

    @Test
    void theSdkFormGivesItsVersion() {
        assertThat(SdkUserAgent.version("sextant-java-sdk/0.1.0")).contains("0.1.0");
        assertThat(SdkUserAgent.version("sextant-java-sdk/0.1.0-SNAPSHOT")).contains("0.1.0-SNAPSHOT");
        assertThat(SdkUserAgent.version("sextant-java-sdk/12.3.4-rc.1")).contains("12.3.4-rc.1");
    }

    @Test
    void anythingElseIsIgnored() {
        String[] ignored = {null, "", "sextant-java-sdk", "sextant-java-sdk/", "sextant-java-sdk/unknown",
            "sextant-java-sdk/1.2", "sextant-java-sdk/1.2.3.4", "sextant-java-sdk/v1.2.3", "Java-http-client/25",
            "curl/8.5.0", "Mozilla/5.0 sextant-java-sdk/0.1.0", "sextant-java-sdk/0.1.0 extra",
            " sextant-java-sdk/0.1.0", "SEXTANT-JAVA-SDK/0.1.0", "sextant-java-sdk/0.1.0\r\nX-Evil: 1",
            "sextant-java-sdk/0.1.0-<script>", "sextant-java-sdk/0.1.0-\u0000", "sextant-java-sdk/99999.0.0",
            "sextant-java-sdk/0.1.0+build", "sextant-java-sdk/0.1.0-" + "a".repeat(41),
            "sextant-java-sdk/0.1.0-" + "a".repeat(10_000)};
        for (String header : ignored) {
            assertThat(SdkUserAgent.version(header)).as(String.valueOf(header)).isEmpty();
        }
    }
}
