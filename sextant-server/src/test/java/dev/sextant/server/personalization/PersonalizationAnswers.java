package dev.sextant.server.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The answers {@link PersonalizationTraffic} must give, the same on every store. */
final class PersonalizationAnswers {
    private PersonalizationAnswers() {}

    static void checkNovemberUsers(JsonNode body) {
        assertThat(body.get("total").asLong()).isEqualTo(4);
        assertThat(body.get("next_cursor").isNull()).isTrue();
        JsonNode users = body.get("users");
        assertThat(users.size()).isEqualTo(4);
        JsonNode bob = users.get(0);
        assertThat(bob.get("user_id").asString()).isEqualTo("bob");
        assertThat(bob.get("agent_id").asString()).isEqualTo("bot");
        assertThat(bob.get("interactions").asLong()).isEqualTo(4);
        assertThat(bob.get("ratings").asLong()).isEqualTo(3);
        assertThat(bob.get("mean_rating").asDouble()).isEqualTo(3.0);
        assertThat(bob.get("active_weeks").asInt()).isEqualTo(3);
        assertThat(bob.get("trend").asString()).isEqualTo("declining");
        assertThat(bob.get("slope").asDouble()).isCloseTo(-9 / 14.0, within(1e-12));
        assertThat(bob.get("rating_improvement").asDouble()).isEqualTo(2.0);
        JsonNode ann = users.get(1);
        assertThat(ann.get("user_id").asString()).isEqualTo("ann");
        assertThat(ann.get("interactions").asLong()).isEqualTo(3);
        assertThat(ann.get("trend").asString()).isEqualTo("improving");
        assertThat(ann.get("slope").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(ann.get("rating_improvement").asDouble()).isEqualTo(2.0);
        JsonNode cy = users.get(2);
        assertThat(cy.get("user_id").asString()).isEqualTo("cy");
        assertThat(cy.get("trend").asString()).isEqualTo("insufficient_weeks");
        assertThat(cy.get("slope").isNull()).isTrue();
        assertThat(cy.get("rating_improvement").asDouble()).isZero();
        JsonNode helper = users.get(3);
        assertThat(helper.get("agent_id").asString()).isEqualTo("helper");
        assertThat(helper.get("mean_rating").isNull()).isTrue();
        assertThat(helper.get("rating_improvement").isNull()).isTrue();
        assertThat(helper.get("trend").asString()).isEqualTo("insufficient_weeks");
    }

    /** Two groups of six, every differing feature exactly one standard deviation either side. */
    static void checkOctoberSegments(JsonNode body) {
        assertThat(body.get("users").asLong()).isEqualTo(12);
        assertThat(body.get("k").asInt()).isEqualTo(2);
        assertThat(body.get("k_choice").asString()).isEqualTo("silhouette");
        assertThat(body.get("silhouette").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(body.get("reason").isNull()).isTrue();
        JsonNode morning = body.get("segments").get(0);
        assertThat(morning.get("id").asInt()).isEqualTo(1);
        assertThat(morning.get("name").asString()).isEqualTo("morning, satisfied, short answers");
        assertThat(morning.get("size").asInt()).isEqualTo(6);
        assertThat(morning.get("share").asDouble()).isEqualTo(0.5);
        assertThat(morning.get("centroid").get("morning_share").asDouble()).isEqualTo(1.0);
        assertThat(morning.get("centroid").get("mean_output_chars").asDouble()).isEqualTo(50.0);
        assertThat(morning.get("centroid").get("mean_rating").asDouble()).isEqualTo(5.0);
        assertThat(morning.get("recommendations").size()).isZero();
        assertThat(morning.get("sample_users").toString())
                .isEqualTo("[\"m-01\",\"m-02\",\"m-03\",\"m-04\",\"m-05\",\"m-06\"]");
        JsonNode night = body.get("segments").get(1);
        assertThat(night.get("name").asString()).isEqualTo("dissatisfied, long answers, night");
        assertThat(night.get("centroid").get("night_share").asDouble()).isEqualTo(1.0);
        assertThat(night.get("centroid").get("share_voice").asDouble()).isEqualTo(1.0);
        assertThat(night.get("centroid").get("handoff_share").asDouble()).isEqualTo(0.5);
        assertThat(night.get("centroid").get("mean_output_chars").asDouble()).isEqualTo(400.0);
        List<String> codes = new ArrayList<>();
        night.get("recommendations").forEach(r -> codes.add(r.get("code").asString()));
        assertThat(codes).containsExactly("shorten_responses", "staff_night_handoffs", "review_handoffs",
                "voice_friendly_answers", "investigate_low_satisfaction");
        assertThat(night.get("recommendations").get(0).get("text").asString()).isEqualTo(
                "answers average 400 characters, longer than usual, and the rating 2.00 is below the users' 3.50:"
                        + " try shorter, more direct responses");
    }
}
