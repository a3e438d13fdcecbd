package dev.sextant.analytics.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.UserBehaviour;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Three planted groups of ten users, each a small jitter apart inside and far apart between
 * (every feature that varies inside a group also differs between them; z-scoring would blow a
 * jitter on an otherwise constant feature up to a whole standard deviation):
 * night voice callers with long answers, low ratings and many hand-offs; morning text users with
 * short answers and high ratings; evening email writers with long questions.
 */
class UserSegmentsTest {

    private static List<UserBehaviour> planted(long seed) {
        Random r = new Random(seed);
        List<UserBehaviour> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long n = 6 + r.nextInt(2);
            users.add(new UserBehaviour("night-" + i, n, 40.0 + r.nextInt(10), 800.0 + r.nextInt(50),
                    Map.of("voice", n), 2.0 + r.nextDouble() * 0.2, 2, n, 0, 0, 0, 1, n / 2));
            long m = 20 + r.nextInt(2);
            users.add(new UserBehaviour("morning-" + i, m, 30.0 + r.nextInt(10), 100.0 + r.nextInt(20),
                    Map.of("text", m), 4.6 + r.nextDouble() * 0.2, 3, 0, m, 0, 0, 1, 0));
            long e = 10 + r.nextInt(2);
            users.add(new UserBehaviour("evening-" + i, e, 400.0 + r.nextInt(40), 300.0 + r.nextInt(30),
                    Map.of("email", e), 4.0 + r.nextDouble() * 0.2, 1, 0, 0, 0, e, 1, 0));
        }
        return users;
    }

    @Test
    void thePlantedGroupsAreRecoveredExactlyWithKChosenBySilhouette() {
        Segmentation s = UserSegments.of(planted(1), null);

        assertThat(s.reason()).isNull();
        assertThat(s.kChoice()).isEqualTo("silhouette");
        assertThat(s.k()).isEqualTo(3);
        assertThat(s.users()).isEqualTo(30);
        assertThat(s.silhouette()).isGreaterThan(0.8);
        assertThat(s.segments()).hasSize(3);
        for (Segment segment : s.segments()) {
            String group = segment.sampleUsers().getFirst().replaceAll("-.*", "");
            assertThat(segment.sampleUsers()).hasSize(10).allMatch(u -> u.startsWith(group + "-"));
            assertThat(segment.size()).isEqualTo(10);
            assertThat(segment.share()).isCloseTo(1 / 3.0, within(1e-12));
        }
        Segment night = segment(s, "night");
        assertThat(night.traits()).contains("night", "voice");
        assertThat(night.name()).contains("night");
        assertThat(night.centroid().get("night_share")).isEqualTo(1.0);
        assertThat(night.centroid().get("share_voice")).isEqualTo(1.0);
        assertThat(night.centroid().get("mean_output_chars")).isBetween(800.0, 850.0);
        assertThat(night.recommendations()).extracting(Segment.Recommendation::code).containsExactly(
                "shorten_responses", "staff_night_handoffs", "review_handoffs", "voice_friendly_answers",
                "investigate_low_satisfaction");
        Segment morning = segment(s, "morning");
        assertThat(morning.traits()).contains("morning");
        assertThat(morning.centroid().get("handoff_share")).isZero();
        assertThat(morning.recommendations()).isEmpty();
        Segment evening = segment(s, "evening");
        assertThat(evening.traits()).contains("evening");
        assertThat(s.features()).containsExactly("interactions", "mean_input_chars", "mean_output_chars",
                "share_email", "share_text", "share_voice", "night_share", "morning_share", "afternoon_share",
                "evening_share", "mean_rating", "distinct_agents", "handoff_share");
    }

    private static Segment segment(Segmentation s, String group) {
        return s.segments().stream().filter(g -> g.sampleUsers().getFirst().startsWith(group + "-")).findFirst()
                .orElseThrow();
    }

    @Test
    void theSameDataInAnyOrderGivesTheSameSegments() {
        List<UserBehaviour> users = planted(7);
        Segmentation first = UserSegments.of(users, null);
        List<UserBehaviour> shuffled = new ArrayList<>(users);
        Collections.shuffle(shuffled, new Random(99));
        assertThat(UserSegments.of(shuffled, null)).isEqualTo(first);
        assertThat(UserSegments.of(users, 4)).isEqualTo(UserSegments.of(shuffled, 4));
    }

    @Test
    void aGivenKIsUsed() {
        Segmentation s = UserSegments.of(planted(3), 2);
        assertThat(s.kChoice()).isEqualTo("given");
        assertThat(s.k()).isEqualTo(2);
        assertThat(s.segments()).extracting(Segment::size).containsExactly(20, 10);
        assertThat(s.segments()).extracting(Segment::id).containsExactly(1, 2);
    }

    @Test
    void tooFewUsersGiveNoSegmentsAndSayWhy() {
        List<UserBehaviour> nine = planted(1).subList(0, 9);
        Segmentation s = UserSegments.of(nine, null);
        assertThat(s.segments()).isEmpty();
        assertThat(s.k()).isNull();
        assertThat(s.reason()).isEqualTo("segments need at least 10 users with interactions in the range, found 9");
        Segmentation k4 = UserSegments.of(planted(1).subList(0, 11), 4);
        assertThat(k4.segments()).isEmpty();
        assertThat(k4.reason()).isEqualTo("k = 4 needs at least 12 users (3 per segment), found 11");
    }

    @Test
    void identicalUsersCannotBeSplit() {
        List<UserBehaviour> same = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            same.add(new UserBehaviour("u-" + i, 3, 10.0, 10.0, Map.of("text", 3L), null, 0, 0, 3, 0, 0, 1, 0));
        }
        Segmentation s = UserSegments.of(same, null);
        assertThat(s.segments()).isEmpty();
        assertThat(s.reason()).isEqualTo(
                "no split into segments of at least 2 users each was found: the users' behaviour vectors are too alike");
    }

    /** Eleven alike users and one far away: a segment of one is an outlier, so k = 2 is not chosen. */
    @Test
    void aLoneOutlierIsNotASegmentWhenKIsChosen() {
        List<UserBehaviour> users = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            users.add(new UserBehaviour("u-" + (10 + i), 3, 10.0 + i % 2, 10.0, Map.of("text", 3L), 4.0, 1, 0, 3, 0, 0,
                    1, 0));
        }
        users.add(new UserBehaviour("outlier", 300, 900.0, 900.0, Map.of("voice", 300L), 1.0, 9, 300, 0, 0, 0, 4, 200));
        Segmentation chosen = UserSegments.of(users, null);
        assertThat(chosen.segments()).allSatisfy(g -> assertThat(g.size()).isGreaterThanOrEqualTo(2));
        Segmentation given = UserSegments.of(users, 2);
        assertThat(given.segments()).extracting(Segment::size).containsExactly(11, 1);
        assertThat(given.segments().get(1).sampleUsers()).containsExactly("outlier");
    }

    /** Evening share 0.1 against 0: far above the others in z, yet too small to call a segment "evening". */
    @Test
    void aSmallShareDoesNotNameASegment() {
        List<String> features = List.of("evening_share", "mean_output_chars");
        assertThat(SegmentTraits.traits(features, new double[] {2.0, 1.0}, new double[] {0.1, 500})).containsExactly(
                "long answers");
        assertThat(SegmentTraits.traits(features, new double[] {2.0, 1.0}, new double[] {0.3, 500})).containsExactly(
                "evening", "long answers");
    }

    @Test
    void kOutsideTwoToTenIsRefused() {
        assertThatThrownBy(() -> UserSegments.of(planted(1), 1)).hasMessage("k must be between 2 and 10, was 1");
        assertThatThrownBy(() -> UserSegments.of(planted(1), 11)).hasMessage("k must be between 2 and 10, was 11");
    }

    /** 4500 users in the three planted groups: k is chosen on a sample of the silhouette and still found. */
    @Test
    void manyUsersAreSegmentedWithASampledSilhouette() {
        List<UserBehaviour> many = new ArrayList<>();
        for (int copy = 0; copy < 150; copy++) {
            String prefix = "c" + copy + "-";
            planted(copy).forEach(u -> many.add(new UserBehaviour(prefix + u.userId(), u.interactions(),
                    u.meanInputChars(), u.meanOutputChars(), u.messageTypes(), u.meanRating(), u.ratings(), u.night(),
                    u.morning(), u.afternoon(), u.evening(), u.distinctAgents(), u.handoffs())));
        }
        Segmentation s = UserSegments.of(many, null);
        assertThat(s.k()).isEqualTo(3);
        assertThat(s.segments()).extracting(Segment::size).containsExactly(1500, 1500, 1500);
    }
}
