package dev.sextant.server.demo;

import java.util.List;
import java.util.Map;

/** What customers write to the support bot and what it answers, by intent. */
final class SupportTexts {
    private SupportTexts() {}

    /** An intent the bot recognises: how often it comes up, whether it concerns an order. */
    record Topic(String intent, double weight, boolean aboutOrder, List<String> messages, List<String> replies) {}

    static final List<Topic> TOPICS = List.of(
            new Topic("order_status", 30, true, List.of(
                    "Where is my order {order}?",
                    "Hi, I ordered a week ago ({order}) and haven't heard anything. Status?",
                    "Can you check order {order} for me please",
                    "has my package {order} shipped yet"),
                    List.of("Your order {order} is on its way with DHL and should arrive on Thursday. Here is the tracking link.",
                            "Order {order} shipped yesterday; expected delivery is in 2-3 business days.")),
            new Topic("shipping_delay", 15, true, List.of(
                    "My order {order} was supposed to arrive on Monday and it's still not here",
                    "Tracking for {order} hasn't moved in 5 days. What's going on?",
                    "Why is my delivery {order} delayed again?"),
                    List.of("I'm sorry about the wait. Order {order} is held at the carrier's hub; the new estimate is Friday. I've added a priority flag.",
                            "The carrier reports a delay for {order} due to high volume. It should arrive within 3 days; if not, we'll reship it free of charge.")),
            new Topic("refund", 18, true, List.of(
                    "I want a refund for order {order}, the item arrived broken",
                    "Please refund {order}, I returned it two weeks ago",
                    "How do I get my money back for {order}?"),
                    List.of("I've started the refund for {order}. You'll see it on your statement in 3-5 business days.",
                            "Done: the refund for {order} is approved and on its way to your original payment method.")),
            new Topic("product_question", 20, false, List.of(
                    "Do the TrailRunner 2 shoes run true to size?",
                    "Is the Aero backpack waterproof?",
                    "What's the difference between the Pro and the Lite version of the headphones?",
                    "Does the coffee grinder work with 110V?"),
                    List.of("Most customers find they run half a size small, so we suggest ordering half a size up.",
                            "Yes: the fabric is water-resistant and the zips are sealed; for heavy rain we recommend the rain cover.",
                            "The Pro adds active noise cancelling and a 40-hour battery; the Lite has 25 hours and no ANC.")),
            new Topic("complaint", 8, true, List.of(
                    "This is the third time my order {order} is wrong. Unacceptable.",
                    "Your courier left my parcel {order} in the rain and everything is ruined!!",
                    "I've been waiting 3 weeks for {order} and nobody answers my emails"),
                    List.of("I'm really sorry about this. I've reshipped order {order} with express delivery at no cost and added a 15% voucher to your account.",
                            "I apologise for the trouble with {order}. A replacement is on its way and you don't need to return the damaged item.")),
            new Topic("account", 9, false, List.of(
                    "How do I change the email address on my account?",
                    "I can't log in, password reset email never arrives",
                    "Please delete my account and all my data"),
                    List.of("You can change it under Settings > Profile > Email; we'll send a confirmation link to the new address.",
                            "I've resent the reset email; please check your spam folder. The link is valid for 30 minutes.")));

    static final String HANDOFF_REPLY =
            "I'm connecting you with a member of our support team who can help with this. Average wait time is about 4 minutes.";
    static final String REFUND_FAILED_REPLY =
            "I'm sorry, I couldn't process the refund right now because of a technical problem. Please try again later or reply to talk to a person.";

    static final Map<Integer, List<String>> RATING_COMMENTS = Map.of(
            5, List.of("fast and helpful", "solved in one message, thanks!", "exactly what I needed", "great service"),
            4, List.of("helpful, a bit slow", "good answer", "fine, but I had to open a link to find the details"),
            3, List.of("ok I guess", "had to repeat myself", "answer was a bit generic"),
            2, List.of("had to repeat myself", "didn't understand my question", "took too long to reach a human"),
            1, List.of("useless, I just wanted a human", "refund failed and nobody told me why", "wrong information about my order"));

    static final List<String> KB_ARTICLES = List.of(
            "Shipping times and carriers", "Tracking your parcel", "Returns and refunds policy",
            "Refund processing times", "Size guide: footwear", "Product care and warranty",
            "Managing your account", "Password reset troubleshooting", "Damaged or wrong items",
            "Delivery delays: what we do");
}
