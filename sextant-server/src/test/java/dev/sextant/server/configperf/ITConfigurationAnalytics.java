package dev.sextant.server.configperf;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Configuration performance, parameter impact, business impact and customization patterns through
 * the real server, on the configurations and traffic of {@link ConfigurationAnalyticsSetup}.
 * Statistics checked against scipy 1.17 (pearsonr, spearmanr, fisher_exact); the rest by hand.
 */
class ITConfigurationAnalytics {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    static ConfigurationAnalyticsSetup.Setup setup;

    @BeforeAll
    static void prepare() {
        setup = ConfigurationAnalyticsSetup.run(server);
    }

    @Test
    void everyVersionWithItsFiguresAndItsComparisonWithParentAndDefault() {
        JsonNode body = ok("/api/v1/configurations/cw-support/performance");
        assertThat(body.get("default_version").asString()).isEqualTo("cw-support-v1");
        assertThat(body.get("agent_id").asString()).isEqualTo("cw-bot");
        assertThat(body.get("active_version").asInt()).isEqualTo(2);
        JsonNode versions = body.get("versions");
        assertThat(versions.size()).isEqualTo(3);
        // v1: 19 of 20 ok; 1000 + 10j ms, so mean 1095 and percentile_cont(0.95) 1180 + 0.05 × 10
        JsonNode v1 = versions.get(0).get("figures");
        assertThat(v1.get("executions").asLong()).isEqualTo(20);
        assertThat(v1.get("success_rate").asDouble()).isEqualTo(0.95);
        assertThat(v1.get("avg_response_ms").asDouble()).isEqualTo(1095.0);
        assertThat(v1.get("p95_response_ms").asDouble()).isCloseTo(1180.5, within(1e-9));
        assertThat(v1.get("satisfaction").asDouble()).isCloseTo(3.9, within(1e-12)); // (19 × 4 + 2) / 20
        assertThat(v1.get("cost_per_execution_usd").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(versions.get(0).get("against_parent").isNull()).isTrue();
        assertThat(versions.get(0).get("against_default").isNull()).isTrue();

        JsonNode v2 = versions.get(1);
        assertThat(v2.get("active").asBoolean()).isTrue();
        assertThat(v2.get("figures").get("success_rate").asDouble()).isEqualTo(0.65);
        assertThat(v2.get("figures").get("p95_response_ms").asDouble()).isCloseTo(1380.5, within(1e-9));
        assertThat(v2.get("figures").get("satisfaction").asDouble()).isCloseTo(3.3, within(1e-12));
        JsonNode parent = v2.get("against_parent");
        assertThat(parent.get("baseline").asString()).isEqualTo("cw-support-v1");
        assertThat(parent.get("baseline_kind").asString()).isEqualTo("parent");
        assertThat(parent.get("customization_level").asString()).isEqualTo("minimal");
        assertThat(parent.get("changed_parameters").get(0).asString()).isEqualTo("behaviour.temperature");
        assertThat(parent.get("verdict").asString()).isEqualTo("worse");
        assertThat(parent.get("success_rate").get("p_value").asDouble()).isCloseTo(0.0435960436, within(1e-9));
        assertThat(v2.get("against_default").get("baseline_kind").asString()).isEqualTo("default");

        JsonNode v3 = versions.get(2);
        assertThat(v3.get("parent_version_id").asString()).isEqualTo("cw-support-v1");
        assertThat(v3.get("figures").get("successes").asLong()).isEqualTo(5);
        assertThat(v3.get("figures").get("cost_per_execution_usd").decimalValue()).isEqualByComparingTo("0.03");
        JsonNode v3Default = v3.get("against_default");
        // temperature, tone, max_tokens; steps: b edited, c and d added
        assertThat(v3Default.get("parameters_changed").asInt()).isEqualTo(3);
        assertThat(v3Default.get("steps_changed").asInt()).isEqualTo(3);
        assertThat(v3Default.get("customization_level").asString()).isEqualTo("extensive");
    }

    @Test
    void aVersionWithoutTrafficHasZeroExecutionsAndNoTest() {
        JsonNode body = ok("/api/v1/configurations/cw-support/performance?from=2026-11-05T00:00:00Z");
        JsonNode v2 = body.get("versions").get(1);
        assertThat(v2.get("figures").get("executions").asLong()).isZero();
        assertThat(v2.get("figures").get("success_rate").isNull()).isTrue();
        assertThat(v2.get("against_parent").get("customization_level").asString()).isEqualTo("minimal");
        assertThat(v2.get("against_parent").get("verdict").asString()).isEqualTo("insufficient_data");
        assertThat(v2.get("against_parent").get("reason").asString())
                .isEqualTo("cw-support-v2 against cw-support-v1: cw-support-v2 and cw-support-v1 have no executions in the range");
    }

    @Test
    void higherTemperatureLowersSuccessAndARecommendationFollows() {
        JsonNode body = ok("/api/v1/configurations/cw-support/parameter-impact?from=2026-11-01T00:00:00Z"
                + "&to=2026-11-05T00:00:00Z&outcome=success_rate");
        assertThat(body.get("observation_unit").asString()).isEqualTo("version_day");
        assertThat(body.get("observations").asInt()).isEqualTo(12);
        JsonNode temperature = parameter(body, "temperature");
        assertThat(temperature.get("pearson").asDouble()).isCloseTo(-0.9540527859, within(1e-9));
        assertThat(temperature.get("spearman").asDouble()).isCloseTo(-0.9532333640, within(1e-9));
        assertThat(temperature.get("spearman_p_value").asDouble()).isCloseTo(1.62845486e-6, within(1e-12));
        assertThat(temperature.get("impact").asString()).isEqualTo("high");
        assertThat(parameter(body, "model").get("analysed").asBoolean()).isFalse();
        JsonNode recommendation = body.get("recommendation");
        assertThat(recommendation.get("recommended").asBoolean()).isTrue();
        assertThat(recommendation.get("parameters").get("tone").asString()).isEqualTo("calm");
        // the best bin holds the 0.2 and 0.8 days (equal values are never split): 0.8 against 0.25
        assertThat(recommendation.get("expected_improvement").asDouble()).isCloseTo(0.55, within(1e-12));
        assertThat(recommendation.get("improvement_low").asDouble()).isGreaterThan(0);
        // the value named is one a version ran (the bin's lower median), never the 0.5 between them
        assertThat(recommendation.get("parameters").get("temperature").asDouble()).isEqualTo(0.2);
    }

    @Test
    void noRecommendationWithoutEnoughDataAndTheAnswerSaysWhy() {
        JsonNode few = ok("/api/v1/configurations/cw-support/parameter-impact?from=2026-11-01T00:00:00Z"
                + "&to=2026-11-03T00:00:00Z");
        assertThat(few.get("observations").asInt()).isEqualTo(6);
        assertThat(parameter(few, "temperature").get("reason").asString()).isEqualTo("insufficient data: more than 10"
                + " observations with this parameter and the outcome are needed, had 6");
        assertThat(few.get("recommendation").get("recommended").asBoolean()).isFalse();
        assertThat(few.get("recommendation").get("reason").asString()).isEqualTo("no recommendation: no parameter has a"
                + " medium or high, significant impact with enough observations");
        JsonNode oneVersion = ok("/api/v1/analytics/parameter-impact?agent_id=cw-impact-bot&from=2026-11-01T00:00:00Z");
        assertThat(oneVersion.get("versions").size()).isEqualTo(1);
        assertThat(oneVersion.get("recommendation").get("reason").asString()).isEqualTo("no recommendation: the"
                + " observations come from 1 version; at least 3 versions with traffic are needed, as parameters only"
                + " vary between versions");
        JsonNode all = ok("/api/v1/analytics/parameter-impact?from=2026-11-01T00:00:00Z&to=2026-11-05T00:00:00Z");
        assertThat(all.get("observations").asInt()).isEqualTo(12);
    }

    @Test
    void businessImpactBeforeAndAfterEachActivationWithRoi() {
        LocalDate d = setup.activationDay();
        String range = "&from=" + d.minusDays(3) + "T00:00:00Z&to=" + d.plusDays(4) + "T00:00:00Z";
        JsonNode body = ok("/api/v1/analytics/business-impact?agent_id=cw-impact-bot&value_per_success=2.5"
                + "&customization_cost=10" + range);
        assertThat(body.get("changes").size()).isEqualTo(1);
        JsonNode change = body.get("changes").get(0);
        assertThat(change.get("configuration_id").asString()).isEqualTo("cw-impact");
        assertThat(change.get("kind").asString()).isEqualTo("activate");
        assertThat(change.get("from_version").asString()).isEqualTo("cw-impact-v1");
        assertThat(change.get("measured").asBoolean()).isTrue();
        assertThat(change.get("before").get("days").asInt()).isEqualTo(3);
        assertThat(change.get("before").get("successes").asLong()).isEqualTo(6);
        assertThat(change.get("after").get("successes").asLong()).isEqualTo(12);
        assertThat(change.get("success_rate_change").asDouble()).isEqualTo(0.5);
        assertThat(change.get("avg_response_ms_change").asDouble()).isEqualTo(-500.0);
        assertThat(change.get("mean_rating_change").asDouble()).isEqualTo(2.0);
        // (12 − 6) × 2.50 − (0.24 − 0.12) = 14.88; ROI (14.88 − 10) / 10
        assertThat(change.get("net_benefit_usd").decimalValue()).isEqualByComparingTo("14.88");
        assertThat(change.get("roi").asDouble()).isCloseTo(0.488, within(1e-12));
        assertThat(body.get("top").get(0).asString()).isEqualTo(change.get("id").asString());

        JsonNode noMoney = ok("/api/v1/analytics/business-impact?agent_id=cw-impact-bot" + range);
        assertThat(noMoney.get("changes").get(0).get("net_benefit_usd").isNull()).isTrue();
        JsonNode valueOnly = ok("/api/v1/analytics/business-impact?agent_id=cw-impact-bot&value_per_success=2.5" + range);
        assertThat(valueOnly.get("changes").get(0).get("net_benefit_usd").decimalValue()).isEqualByComparingTo("14.88");
        assertThat(valueOnly.get("changes").get(0).get("roi").isNull()).isTrue();

        JsonNode all = ok("/api/v1/analytics/business-impact?" + range.substring(1));
        assertThat(all.get("changes").size()).isEqualTo(2); // one per activation, not one per parameter
        assertThat(all.get("changes").findValuesAsString("configuration_id")).contains("cw-support", "cw-impact");
    }

    @Test
    void customizationPatternsPerActorAndMembersWhoNeverCustomized() {
        JsonNode body = ok("/api/v1/analytics/personalization/customizations");
        // admin: cw-support created (6 parameters) and v2 (1), cw-impact created (1) and v2 (1)
        JsonNode admin = actor(body, "key bootstrap ");
        assertThat(admin.get("changes").asLong()).isEqualTo(9);
        assertThat(admin.get("user_type").asString()).isEqualTo("moderate");
        assertThat(admin.get("primary_focus").asString()).isEqualTo("behaviour");
        assertThat(admin.get("sections").get("behaviour").asLong()).isEqualTo(7);
        // editor: v3 against v1, temperature, tone, max_tokens and the workflow steps
        JsonNode editor = actor(body, "key cw-editor ");
        assertThat(editor.get("changes").asLong()).isEqualTo(4);
        assertThat(editor.get("user_type").asString()).isEqualTo("light");
        assertThat(editor.get("sections").get("workflow").asLong()).isEqualTo(1);
        // a dashboard login: interface.language, interface.greeting, behaviour.tone
        JsonNode member = actor(body, "user cw-member@example.com (usr_");
        assertThat(member.get("actor_kind").asString()).isEqualTo("user");
        assertThat(member.get("changes").asLong()).isEqualTo(3);
        assertThat(member.get("user_type").asString()).isEqualTo("light");
        assertThat(member.get("primary_focus").asString()).isEqualTo("interface");
        JsonNode idle = actor(body, "user cw-idle@example.com (usr_");
        assertThat(idle.get("user_type").asString()).isEqualTo("non_customizer");
        assertThat(idle.get("changes").asLong()).isZero();
        assertThat(idle.get("primary_focus").isNull()).isTrue();
        assertThat(body.get("patterns").findValuesAsString("actor")).filteredOn(a -> a.contains("cw-member@"))
                .hasSize(1); // listed once, with its changes
        assertThat(body.get("user_types").get("light").asLong()).isEqualTo(2);
        JsonNode none = ok("/api/v1/analytics/personalization/customizations?from=2026-01-01T00:00:00Z"
                + "&to=2026-02-01T00:00:00Z");
        none.get("patterns").forEach(p -> assertThat(p.get("user_type").asString()).isEqualTo("non_customizer"));
    }

    static JsonNode parameter(JsonNode body, String name) {
        for (JsonNode p : body.get("parameters")) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + body);
    }

    static JsonNode actor(JsonNode body, String prefix) {
        for (JsonNode p : body.get("patterns")) {
            if (p.get("actor").asString().startsWith(prefix)) {
                return p;
            }
        }
        throw new AssertionError("no actor " + prefix + " in " + body);
    }

    static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
