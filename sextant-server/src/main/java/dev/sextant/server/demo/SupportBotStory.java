package dev.sextant.server.demo;

import dev.sextant.server.demo.SupportTexts.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Story 1: the customer-service bot. Conversations of one to three messages arrive on chat,
 * phone and email with a daily and weekly rhythm. In week 2 prompt v2 is tested against v1 (the
 * tone test, days 5-12, half of the customers by the assignment hash; it wins). Two things happen
 * in week 3: prompt v2 goes live for everyone (day 16, confidence up, fewer hand-offs) and the
 * refund API has an incident (days 18-19, slow and failing). Customers rate some conversations.
 * The times are {@link DemoCalendar}'s.
 *
 * <p>Every turn carries typed context (issue 8 item 1): {@code channel}, {@code locale} (by the
 * customer), {@code history_length} (earlier turns) and {@code retrieved_docs}. The planted
 * effect: a turn that fails mostly retrieved the outdated {@code refund-policy-v1} document (80%
 * against 5%), so {@code /api/v1/context/relevance} shows it with a lift well below 1. The
 * context is drawn from a hash of the trace id, not from the story's random stream, so it changes
 * no other figure of the demo.
 */
final class SupportBotStory implements Story {
    static final String AGENT = "support-bot";
    static final double CONVERSATIONS_PER_WEEKDAY = 62;

    @Override
    public List<Episode> episodes(DemoWindow window, DemoRandom random) {
        DemoCalendar calendar = DemoCalendar.of(window);
        Instant incidentFrom = window.day(18).plus(Duration.ofHours(13));
        Instant incidentTo = window.day(19).plus(Duration.ofHours(20));
        double[] topicWeights = SupportTexts.TOPICS.stream().mapToDouble(Topic::weight).toArray();
        Instant lastStart = window.now().minus(Duration.ofMinutes(20));
        List<Instant> starts = new Arrivals(Arrivals.officeHours(), 0.45)
                .between(window.start(), lastStart, CONVERSATIONS_PER_WEEKDAY, random);
        List<Episode> episodes = new ArrayList<>();
        int traceNo = 0;
        int conversationNo = 0;
        for (Instant start : starts) {
            String conversation = String.format(Locale.ROOT, "demo-sup-conv-%05d", ++conversationNo);
            String customer = String.format(Locale.ROOT, "cust-%04d", random.between(1000, 1699));
            Topic topic = SupportTexts.TOPICS.get(random.weighted(topicWeights));
            String order = topic.aboutOrder() ? "A" + random.between(10_000, 99_999) : null;
            String messageType = List.of("text", "email", "voice").get(random.weighted(70, 20, 10));
            int turns = 1 + random.weighted(60, 30, 10);
            List<WireItem> items = new ArrayList<>();
            Instant at = start;
            SupportTurn.Outcome outcome = null;
            String lastTrace = null;
            // in the tone test the customer's variant decides the prompt for the whole conversation
            String variant = calendar.inToneTest(start) ? DemoCalendar.toneVariant(customer) : null;
            boolean conversationV2 = variant == null ? calendar.supportV2At(start) : variant.equals(DemoCalendar.TONE_TREATMENT);
            for (int turn = 1; turn <= turns; turn++) {
                lastTrace = String.format(Locale.ROOT, "demo-sup-%06d", ++traceNo);
                boolean v2 = variant == null ? calendar.supportV2At(at) : conversationV2;
                var ctx = new SupportTurn.Context(lastTrace, conversation, customer, topic, order, messageType,
                        turn, v2, !at.isBefore(incidentFrom) && at.isBefore(incidentTo), at,
                        variant == null ? null : DemoCalendar.TONE_TEST, variant,
                        at.isBefore(calendar.supportSummaryV2()) ? 1 : 2);
                outcome = new SupportTurn(random, ctx).play();
                addContext(outcome, lastTrace, customer, messageType, turn, topic);
                items.addAll(outcome.items());
                if (outcome.handoffReason() != null || outcome.failed()) {
                    break;
                }
                at = outcome.end().plusSeconds(messageType.equals("email") ? random.between(600, 5400) : random.between(15, 120));
                if (at.isAfter(lastStart)) {
                    break; // the customer's next message would come after now
                }
            }
            rate(random, window, lastTrace, customer, outcome, conversationV2, items);
            episodes.add(new Episode(start, conversation, items));
        }
        return episodes;
    }

    /** Some customers rate the conversation (1-5 with a comment), some give a thumb. */
    /** The turn's typed context, from hashes of the ids (see the class comment). */
    private static void addContext(SupportTurn.Outcome outcome, String traceId, String customer, String messageType,
            int turn, Topic topic) {
        for (WireItem item : outcome.items()) {
            if (item.type().equals("trace") && item.id().equals(traceId)) {
                var context = item.object("context");
                context.put("channel", switch (messageType) {
                    case "email" -> "email";
                    case "voice" -> "phone";
                    default -> "chat";
                });
                int l = hash(customer, "locale");
                context.put("locale", l < 55 ? "en" : l < 80 ? "de" : "fr");
                context.put("history_length", turn - 1);
                var docs = context.putArray("retrieved_docs");
                docs.add("faq-" + topic.intent());
                if (hash(traceId, "policy") < (outcome.failed() ? 80 : 5)) {
                    docs.add("refund-policy-v1");
                } else if (topic.aboutOrder()) {
                    docs.add("order-status-guide");
                }
            }
        }
    }

    /** 0-99 from the id and a salt: the same every run, independent of the story's random stream. */
    static int hash(String id, String salt) {
        return Math.floorMod((id + "/" + salt).hashCode() * 0x9E3779B1, 100);
    }

    private void rate(DemoRandom random, DemoWindow window, String traceId, String customer,
            SupportTurn.Outcome outcome, boolean promptV2, List<WireItem> items) {
        Instant ratedAt = outcome.end().plusSeconds(random.logNormal(90, 0.8, 5, 1800));
        if (ratedAt.isAfter(window.now())) {
            return;
        }
        if (random.chance(0.3)) {
            double mean = outcome.failed() ? 1.5 : outcome.handoffReason() != null ? 2.9 : promptV2 ? 4.4 : 4.1;
            int rating = (int) Math.round(random.normal(mean, 0.8, 1, 5));
            items.add(WireItem.score(traceId + "-rating", traceId, "user_rating", "user", ratedAt)
                    .put("value", rating).put("user_id", customer)
                    .put("comment", random.pick(SupportTexts.RATING_COMMENTS.get(rating))));
        } else if (random.chance(0.15)) {
            boolean up = random.chance(outcome.failed() ? 0.1 : outcome.handoffReason() != null ? 0.5 : 0.85);
            items.add(WireItem.score(traceId + "-thumbs", traceId, "thumbs", "user", ratedAt)
                    .put("value", up ? 1 : 0).put("user_id", customer));
        }
    }
}
