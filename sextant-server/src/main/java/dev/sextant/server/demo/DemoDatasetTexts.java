package dev.sextant.server.demo;

import java.util.List;

/**
 * The words of the demo datasets: support questions and answers put together from independent
 * parts (opening, product, problem, detail; acknowledgement, action, next step, closing), so that
 * two generated conversations rarely share most of their word 3-grams, as real conversations don't.
 */
final class DemoDatasetTexts {
    private DemoDatasetTexts() {}

    record Exchange(String question, String answer) {}

    /** The messy set's labels; the first one dominates it. */
    static final List<String> INTENTS = List.of("order_status", "refund", "product_question", "account", "complaint");

    private static final List<String> PRODUCTS = List.of("TrailRunner 2 shoes", "Aero 28 backpack", "Summit down jacket",
            "Pulse Pro headphones", "Pulse Lite headphones", "Brew One coffee grinder", "Ridge trekking poles",
            "Nimbus rain shell", "Basecamp 2 tent", "Glow head torch", "Drift merino socks", "Canyon water filter",
            "Alpine sleeping bag", "Vista sunglasses", "Tempo running watch", "Harbor duffel bag");
    private static final List<String> OPENINGS = List.of("Hi,", "Hello there.", "Good morning!", "Hey team,", "Hi support,",
            "Quick question:", "Hello, hoping you can help.", "Evening all.", "", "Sorry to bother you again,", "Hiya,");
    private static final List<String> CLOSINGS = List.of("Thanks!", "Thank you in advance.", "Cheers.", "Appreciate it.", "",
            "Let me know please.", "Many thanks.", "Thanks a lot for your time.");
    private static final List<String> WHEN = List.of("last Tuesday", "two weeks ago", "on the 3rd", "yesterday morning",
            "at the weekend", "ten days ago", "before my holiday", "during your autumn sale", "on Friday evening");
    private static final List<String> CARRIERS = List.of("DHL", "UPS", "DPD", "the postal service", "GLS", "FedEx");

    private record Topic(List<String> problems, List<String> details, List<String> actions, List<String> nextSteps) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic(List.of("I ordered the {p} {w} and it still has not arrived.",
                    "my {p} (order {o}) shows as shipped but the tracking has not moved.",
                    "could you tell me where order {o} with the {p} is right now?"),
                    List.of("The tracking page just says label created.", "I need it for a trip next week.",
                            "The estimate was three working days.", "Nobody has left a card either."),
                    List.of("I checked order {o}: it left our warehouse {w} with {c}, who scanned it at their hub this morning.",
                            "Order {o} is with {c}; their last scan shows it out for delivery in your area.",
                            "I looked up {o} and {c} reports a short delay at the sorting centre."),
                    List.of("It should reach you within two working days.", "I have asked {c} to prioritise it.",
                            "If it is not there by Friday we will send a replacement at no cost.")),
            new Topic(List.of("the {p} I received is faulty and I would like a refund.",
                    "I sent the {p} back {w} and have not seen my money yet.",
                    "can I return the {p}? It does not fit as I hoped."),
                    List.of("The seam on the left side has split.", "The return label number is on the receipt.",
                            "I kept the original box and tags.", "It was a gift, so I have no invoice."),
                    List.of("I have opened a return for order {o} and emailed you a prepaid label.",
                            "Your return for {o} arrived at our depot and the refund was approved today.",
                            "Because the {p} is faulty, I have refunded order {o} in full without needing it back."),
                    List.of("The refund appears on your statement within three to five working days.",
                            "You can drop the parcel at any {c} point.", "There is nothing else you need to do.")),
            new Topic(List.of("does the {p} come with a warranty?", "how do I clean the {p} properly?",
                    "is the {p} suitable for winter hiking?", "what size of {p} would you suggest for me?"),
                    List.of("I usually wear a medium.", "I will use it mostly in wet weather.",
                            "The manual in the box is only in German.", "A friend recommended it."),
                    List.of("The {p} has a two-year warranty that covers defects in materials and workmanship.",
                            "For the {p}, a gentle hand wash with mild soap and air drying keeps it in good shape.",
                            "Most hikers use the {p} from spring to late autumn; for deep winter we suggest adding an insulating layer.",
                            "Customers of your build usually choose the medium {p}; the size chart on the product page lists exact measurements."),
                    List.of("The care guide on our website has pictures of each step.", "Keep your order number handy for any claim.",
                            "Our fitting team can also help over video chat.")),
            new Topic(List.of("I cannot log in to my account since {w}.", "how do I change the delivery address saved on my account?",
                    "the password reset link you sent me has expired."),
                    List.of("I tried two different browsers.", "I moved flat recently.", "The email never reached my inbox."),
                    List.of("I have sent a fresh reset link that is valid for thirty minutes.",
                            "You can change saved addresses under Settings, then Addresses; new orders use the default one.",
                            "I unlocked your account after the failed attempts; you can sign in again now."),
                    List.of("Please check the spam folder if the email does not arrive.", "Existing orders keep their original address.",
                            "Turning on two-step sign-in protects the account from now on.")));

    /** One question and its answer; a follow-up is shorter and refers back. */
    static Exchange exchange(DemoRandom random, boolean followUp) {
        Topic topic = random.pick(TOPICS);
        String product = random.pick(PRODUCTS);
        String order = "SX-" + random.between(10_000, 99_999);
        String when = random.pick(WHEN);
        String carrier = random.pick(CARRIERS);
        String question = followUp
                ? "One more thing: " + fill(random.pick(topic.problems()), product, order, when, carrier)
                : join(random.pick(OPENINGS), capitalise(fill(random.pick(topic.problems()), product, order, when, carrier)),
                        random.chance(0.6) ? random.pick(topic.details()) : "", random.pick(CLOSINGS));
        String answer = join(followUp ? "Of course." : random.pick(List.of("Thanks for getting in touch.", "Sorry for the trouble.",
                        "Happy to help.", "Thank you for your patience.", "Good question.")),
                fill(random.pick(topic.actions()), product, order, when, carrier),
                fill(random.pick(topic.nextSteps()), product, order, when, carrier),
                random.chance(0.5) ? "Is there anything else I can do for you?" : "");
        return new Exchange(question, answer);
    }

    /** A raw ticket of one of the {@link #INTENTS} (by index), as a customer typed it. */
    static String ticket(DemoRandom random, int intent) {
        String product = random.pick(PRODUCTS);
        String order = "SX-" + random.between(10_000, 99_999);
        String when = random.pick(WHEN);
        String text = switch (intent) {
            case 0 -> random.pick(List.of("where is my order {o}", "order {o} not arrived yet, ordered {w}",
                    "tracking for {o} stuck??", "when will the {p} arrive, order {o}", "status of {o} please"));
            case 1 -> random.pick(List.of("want my money back for the {p}", "refund for {o} still missing",
                    "returned the {p} {w}, where is the refund"));
            case 2 -> random.pick(List.of("is the {p} waterproof", "what size {p} should I get", "does the {p} have a warranty"));
            case 3 -> random.pick(List.of("cant log in since {w}", "reset link expired again", "change my email address please"));
            default -> random.pick(List.of("third wrong delivery in a row, order {o}. fed up", "the {p} broke after one week!!",
                    "nobody answers my emails about {o}"));
        };
        return fill(text, product, order, when, "");
    }

    static String email(DemoRandom random) {
        return random.pick(List.of("jana", "tom.h", "maria_k", "li.wei", "sam")) + random.between(1, 99) + "@example.com";
    }

    static String phone(DemoRandom random) {
        return "+44 7700 " + random.between(900_000, 900_999);
    }

    private static String fill(String template, String product, String order, String when, String carrier) {
        return template.replace("{p}", product).replace("{o}", order).replace("{w}", when).replace("{c}", carrier);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                b.append(b.isEmpty() ? "" : " ").append(p);
            }
        }
        return b.toString();
    }
}
