package dev.sextant.server.demo;

import dev.sextant.server.demo.DemoDefinitions.NewPromptVersion;
import dev.sextant.server.demo.DemoDefinitions.NewTemplate;
import dev.sextant.server.demo.DemoDefinitions.PromptChange;
import dev.sextant.server.demo.DemoDefinitions.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The prompt templates the demo's LLM spans render ({@code prompt.template_id}/{@code prompt.version}):
 * support-reply v2 comes with support-prompt v2 (in the tone test's treatment from day 5, for
 * everyone from day 16), support-summary v2 on day 21, code-generate v2 with code-assistant v2.
 */
final class DemoPromptTemplates {
    private static final List<Variable> REPLY = List.of(new Variable("channel", "chat, email or phone"),
            new Variable("message", "the customer's message"), new Variable("articles", "help-center articles found"),
            new Variable("order_details", "the order's status, when the message is about an order"));
    private static final List<Variable> SUMMARY = List.of(new Variable("team", "who takes over: tier 1 or billing"),
            new Variable("reason", "why the bot hands over"), new Variable("transcript", "the conversation so far"));
    private static final List<Variable> SUMMARY_V2 = List.of(new Variable("team", "who takes over: tier 1 or billing"),
            new Variable("reason", "why the bot hands over"), new Variable("transcript", "the conversation so far"),
            new Variable("customer_tier", "standard or plus"));
    private static final List<Variable> GENERATE = List.of(new Variable("language", "the repository's language"),
            new Variable("request", "what the developer asked"), new Variable("context", "files or map in context"));

    private DemoPromptTemplates() {}

    static List<PromptChange> changes(DemoCalendar cal) {
        List<PromptChange> changes = new ArrayList<>();
        changes.add(new NewTemplate(cal.supportCreated(), DemoActors.SUPPORT_LEAD, SupportTurn.REPLY_TEMPLATE,
                "Support reply", "The reply the support bot writes when it answers itself", SupportBotStory.AGENT,
                List.of("support", "reply"), """
                Channel: {{channel}}
                Customer: {{message}}
                Help-center articles: {{articles}}
                {{order_details}}
                Write a clear, correct reply in a neutral tone. Use only the articles.""", REPLY, "First version"));
        changes.add(new NewPromptVersion(cal.supportV2Written(), DemoActors.SUPPORT_LEAD, SupportTurn.REPLY_TEMPLATE, """
                Channel: {{channel}}
                Customer: {{message}}
                Help-center articles: {{articles}}
                {{order_details}}
                If the customer is upset, first acknowledge the problem in their words and apologise once, then say \
                what you will do next. Write warmly and plainly. Use only the articles.""", REPLY,
                "Empathetic, de-escalating (goes with support-prompt v2)"));
        changes.add(new NewTemplate(cal.supportCreated(), DemoActors.SUPPORT_LEAD, SupportTurn.SUMMARY_TEMPLATE,
                "Hand-off summary", "The note a person gets when the bot hands a conversation over", SupportBotStory.AGENT,
                List.of("support", "handoff"), """
                Summarise this conversation for the {{team}} agent who takes over ({{reason}}):
                {{transcript}}""", SUMMARY, "First version"));
        changes.add(new NewPromptVersion(cal.supportSummaryV2(), DemoActors.SUPPORT_LEAD, SupportTurn.SUMMARY_TEMPLATE, """
                For the {{team}} agent who takes over ({{reason}}; {{customer_tier}} customer): at most three bullet \
                points, the first saying what the customer wants, then what was tried.
                {{transcript}}""", SUMMARY_V2, "Shorter notes; the agents asked for the customer's goal first"));
        changes.add(new NewTemplate(cal.codeCreated(), DemoActors.ADMIN, CodeTurn.TEMPLATE, "Code generation",
                "The coding assistant's generation prompt", CodeAssistantStory.AGENT, List.of("code"), """
                You write {{language}}. Request: {{request}}
                Context:
                {{context}}
                Answer with a unified diff and nothing else.""", GENERATE, "First version"));
        changes.add(new NewPromptVersion(cal.codeV2Written(), DemoActors.DEV_TOOLS, CodeTurn.TEMPLATE, """
                You write {{language}} that follows the conventions of the code in context. Request: {{request}}
                Context:
                {{context}}
                Answer with a unified diff; add or update tests for what you change.""", GENERATE,
                "Follow local conventions; tests with every change (goes with code-assistant v2)"));
        changes.sort(Comparator.comparing(PromptChange::at));
        return List.copyOf(changes);
    }
}
