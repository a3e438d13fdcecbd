/**
 * The demo workspace's data ({@code serve --demo}): four weeks of three agents, produced as native
 * ingest bodies by {@link dev.sextant.server.demo.DemoData#batches} and loaded through the real
 * ingest path, and the definitions those traces name ({@link dev.sextant.server.demo.DemoDefinitions}:
 * configuration versions, prompt template versions, experiments), on one
 * {@link dev.sextant.server.demo.DemoCalendar}. Deterministic for a seed and a "now"; nothing here
 * talks to the store directly.
 *
 * <ul>
 *   <li>{@code support-bot}: chat, phone and email conversations with intents, a route decision
 *       (answer or hand off to a person: low_confidence, angry_customer, refund_over_limit,
 *       policy), gpt-4o-mini/gpt-4o with cached prompts, order lookup and a refund API that fails
 *       now and then; ratings and thumbs. Week 2: the tone test (support-prompt v2 against v1 by
 *       customer, days 5-12; concluded by its results). Week 3: prompt v2 for everyone (day 16;
 *       confidence up, hand-offs down) and a refund-API incident (days 18-19; slow, many 503s).</li>
 *   <li>{@code campaign-orchestrator}: SEO, writer and editor agents nested under it, Gemini 1.5
 *       Flash and Pro (some prompts above the 128K-token price tier), keyword and tone decisions, a
 *       hand-off from writer to editor, quality and SEO scores.</li>
 *   <li>{@code code-assistant}: developer sessions (repo, branch, language), tools (search_code,
 *       read_file, run_tests, apply_patch; some failing), code generation accepted or rejected,
 *       learned patterns, Claude 3.5 Sonnet with its prompt cache, o3-mini with reasoning tokens
 *       and a client-reported cost. code-assistant v1, v2 from day 10, and from day 18 the running
 *       context test (v2 against v3 with a repository map, by session).</li>
 *   <li>Datasets ({@link dev.sextant.server.demo.DemoDatasets}): curated support chats ready for
 *       fine-tuning, and a raw ticket export that is not (duplicates, imbalance, personal data, a
 *       cut-off line), read by the real analyzer.</li>
 * </ul>
 */
package dev.sextant.server.demo;
