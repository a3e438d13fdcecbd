package dev.sextant.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SDK's version comes from the build-filtered resource, and only a release-like form is sent as sdk_version. */
class SdkInfoTest {

    @Test
    void versionIsStampedByTheBuild() {
        assertThat(SdkInfo.VERSION).isNotEqualTo("unknown").doesNotContain("${");
        assertThat(SdkInfo.versionParses()).isTrue();
        assertThat(SdkInfo.USER_AGENT).isEqualTo("sextant-java-sdk/" + SdkInfo.VERSION);
    }

    @Test
    void onlyReleaseFormsParse() {
        assertThat(SdkInfo.parses("0.1.0")).isTrue();
        assertThat(SdkInfo.parses("0.1.0-SNAPSHOT")).isTrue();
        assertThat(SdkInfo.parses("unknown")).isFalse();
        assertThat(SdkInfo.parses("${project.version}")).isFalse();
        assertThat(SdkInfo.parses("1.2")).isFalse();
        assertThat(SdkInfo.parses("1.2.3 x")).isFalse();
        assertThat(SdkInfo.parses(null)).isFalse();
    }
}
