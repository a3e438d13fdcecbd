package dev.sextant.server.demo;

import dev.sextant.server.demo.DemoDefinitions.Activate;
import dev.sextant.server.demo.DemoDefinitions.AddVersion;
import dev.sextant.server.demo.DemoDefinitions.ConfigurationChange;
import dev.sextant.server.demo.DemoDefinitions.Create;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's configurations and their histories. support-prompt: v1, then v2 (de-escalation,
 * empathetic tone, temperature 0.3 → 0.2) written for the tone test and activated on day 16.
 * code-assistant: v1, v2 (more context files, temperature 0.2, longer answers; activated day 10),
 * v3 branched from v2 with a repository map for the context test. campaign-flow: v1, v2 (an
 * editor that may revise), and v3, a branch from v1 that nobody has activated.
 */
final class DemoConfigurations {
    static final String SUPPORT = "support-prompt";
    static final String CODE = "code-assistant";
    static final String CAMPAIGN = "campaign-flow";

    private DemoConfigurations() {}

    static List<ConfigurationChange> changes(DemoCalendar cal) {
        List<ConfigurationChange> changes = new ArrayList<>();
        changes.add(new Create(cal.supportCreated(), DemoActors.SUPPORT_LEAD, SUPPORT, SupportBotStory.AGENT,
                "Support bot prompt", "System prompt, reply style and hand-off rules of the customer-service bot",
                supportV1(), "First production prompt"));
        changes.add(new AddVersion(cal.supportV2Written(), DemoActors.SUPPORT_LEAD, SUPPORT, null, supportV2(),
                "De-escalate before handing off; empathetic tone; temperature 0.2. To be A/B tested against v1", false));
        changes.add(new Activate(cal.supportV2Rollout(), DemoActors.SUPPORT_LEAD, SUPPORT, 2));

        changes.add(new Create(cal.codeCreated(), DemoActors.ADMIN, CODE, CodeAssistantStory.AGENT, "Coding assistant",
                "Model, context and tools of the team's coding assistant", codeV1(), "Initial setup"));
        changes.add(new AddVersion(cal.codeV2Written(), DemoActors.DEV_TOOLS, CODE, null, codeV2(),
                "More files in context, lower temperature, room for longer answers", false));
        changes.add(new Activate(cal.codeV2Activated(), DemoActors.DEV_TOOLS, CODE, 2));
        changes.add(new AddVersion(cal.codeV3Written(), DemoActors.DEV_TOOLS, CODE, 2, codeV3(),
                "Repository map instead of open files as context (for the context-strategy experiment)", false));

        changes.add(new Create(cal.campaignCreated(), DemoActors.CONTENT_LEAD, CAMPAIGN,
                CampaignStory.ORCHESTRATOR, "Content campaign flow", "SEO, writer and editor agents of the campaign orchestrator",
                campaignV1(), "Launch flow"));
        changes.add(new AddVersion(cal.campaignV2(), DemoActors.CONTENT_LEAD, CAMPAIGN, null, campaignV2(),
                "Editor may send a draft back for revision; calmer writer temperature", true));
        changes.add(new AddVersion(cal.campaignV3Branch(), DemoActors.CONTENT_LEAD, CAMPAIGN, 1, campaignV3(),
                "Branch from v1: drafts on gemini-1.5-flash to cut cost; not tried yet", false));
        changes.sort(Comparator.comparing(ConfigurationChange::at));
        return List.copyOf(changes);
    }

    static JsonNode supportV1() {
        return json("""
            {"prompt_templates": {
               "system": "You are the customer-service assistant of Acme. Answer from the help-center articles given. Never promise what policy does not allow. Hand the conversation to a person when you are unsure, when the customer is upset, or when a refund is over {{refund_limit_usd}} USD.",
               "reply": "Channel: {{channel}}\\nCustomer: {{message}}\\nArticles: {{articles}}\\nOrder: {{order}}\\nWrite the reply."},
             "behaviour": {"model": "gpt-4o-mini", "temperature": 0.3, "max_tokens": 600, "tone": "neutral",
               "confidence_threshold": 0.6, "refund_limit_usd": 200, "escalate_on_anger": true},
             "interface": {"language": "en", "greeting": "Hi! I'm Acme's assistant. How can I help?"},
             "integrations": {
               "order_api": {"enabled": true, "endpoint": "https://orders.acme.example/v2", "timeout_ms": 3000},
               "refund_api": {"enabled": true, "endpoint": "https://payments.acme.example/refunds", "timeout_ms": 10000}}}""");
    }

    static JsonNode supportV2() {
        ObjectNode v2 = (ObjectNode) supportV1();
        ((ObjectNode) v2.get("prompt_templates")).put("system", "You are the customer-service assistant of Acme."
                + " Answer from the help-center articles given. Never promise what policy does not allow. When a customer"
                + " is upset, acknowledge the problem in their words, apologise once, and say what you will do next before"
                + " anything else; hand over to a person only if they are still upset after that, when you are unsure,"
                + " or when a refund is over {{refund_limit_usd}} USD.");
        ((ObjectNode) v2.get("behaviour")).put("temperature", 0.2).put("tone", "empathetic");
        return v2;
    }

    static JsonNode codeV1() {
        return json("""
            {"prompt_templates": {
               "system": "You are a senior engineer pairing on {{repo}} ({{language}}). Follow the repository's conventions. Change only what the request needs.",
               "generate": "Request: {{request}}\\nFiles:\\n{{context}}\\nAnswer with a unified diff."},
             "behaviour": {"model": "claude-3-5-sonnet-20241022", "temperature": 0.3, "max_tokens": 4096,
               "context_strategy": "open_files", "max_context_files": 6, "run_tests_after_patch": true,
               "reasoning_model_for_bugs": "o3-mini-2025-01-31"},
             "workflow": {"steps": [
               {"id": "search", "type": "tool", "name": "search_code", "next": ["read"]},
               {"id": "read", "type": "tool", "name": "read_file", "next": ["generate"]},
               {"id": "generate", "type": "llm", "name": "generate", "next": ["patch"]},
               {"id": "patch", "type": "tool", "name": "apply_patch", "next": ["test"]},
               {"id": "test", "type": "tool", "name": "run_tests"}]}}""");
    }

    static JsonNode codeV2() {
        ObjectNode v2 = (ObjectNode) codeV1();
        ((ObjectNode) v2.get("behaviour")).put("temperature", 0.2).put("max_tokens", 8192).put("max_context_files", 10);
        return v2;
    }

    static JsonNode codeV3() {
        ObjectNode v3 = (ObjectNode) codeV2();
        ((ObjectNode) v3.get("behaviour")).put("context_strategy", "repo_map").put("repo_map_tokens", CodeTurn.REPO_MAP_TOKENS);
        return v3;
    }

    static JsonNode campaignV1() {
        return json("""
            {"prompt_templates": {
               "brief": "Plan a {{channel}} piece for {{campaign}}: \\"{{title}}\\". Audience, angle, outline.",
               "draft": "Write the piece from this brief in a {{tone}} tone, main keyword {{keyword}}:\\n{{brief}}"},
             "behaviour": {"model": "gemini-1.5-pro-002", "planner_model": "gemini-1.5-flash-002", "temperature": 0.8,
               "deep_research_share": 0.12, "target_words": 1200},
             "workflow": {"steps": [
               {"id": "plan", "type": "llm", "name": "plan_brief", "next": ["seo"]},
               {"id": "seo", "type": "custom", "name": "seo-agent", "next": ["write"]},
               {"id": "write", "type": "custom", "name": "writer-agent", "next": ["edit"]},
               {"id": "edit", "type": "custom", "name": "editor-agent"}]}}""");
    }

    static JsonNode campaignV2() {
        ObjectNode v2 = (ObjectNode) campaignV1();
        ((ObjectNode) v2.get("behaviour")).put("temperature", 0.6);
        v2.set("workflow", json("""
            {"steps": [
               {"id": "plan", "type": "llm", "name": "plan_brief", "next": ["seo"]},
               {"id": "seo", "type": "custom", "name": "seo-agent", "next": ["write"]},
               {"id": "write", "type": "custom", "name": "writer-agent", "next": ["edit"]},
               {"id": "edit", "type": "custom", "name": "editor-agent", "next": ["decide"]},
               {"id": "decide", "type": "decision", "name": "publish_or_revise", "next": ["revise"]},
               {"id": "revise", "type": "llm", "name": "revise_sections"}]}"""));
        return v2;
    }

    static JsonNode campaignV3() {
        ObjectNode v3 = (ObjectNode) campaignV1();
        ((ObjectNode) v3.get("behaviour")).put("model", "gemini-1.5-flash-002");
        return v3;
    }

    private static JsonNode json(String text) {
        return WireItem.JSON.readTree(text);
    }
}
