// The first steps of an empty workspace: how to get a key and send a first trace, as snippets
// that name this server (location.origin), ready to copy.
import { h, copyButton } from './ui.js';

function snippet(title, text, testid, note) {
  return h('section', { class: 'snippet', dataset: { snippet: testid } },
    h('div', { class: 'snippet-head' }, h('h3', {}, title), copyButton(text)),
    note ? h('p', { class: 'muted small' }, note) : null,
    h('pre', {}, h('code', {}, text)));
}

function curlSnippet(origin) {
  const id = `first-trace-${Date.now().toString(36)}`;
  const start = new Date(), end = new Date(start.getTime() + 1200);
  const llmStart = new Date(start.getTime() + 100), llmEnd = new Date(start.getTime() + 1100);
  return `export SEXTANT_API_KEY=sk-...   # a key with the ingest:write scope
curl -X POST '${origin}/api/v1/ingest' \\
  -H "Authorization: Bearer $SEXTANT_API_KEY" -H 'Content-Type: application/json' \\
  -d '{"batch": [
  {"type": "trace", "body": {"id": "${id}", "agent_id": "my-agent", "name": "answer",
    "started_at": "${start.toISOString()}", "ended_at": "${end.toISOString()}",
    "input": "Where is my order?", "output": "It ships tomorrow."}},
  {"type": "span", "body": {"id": "${id}-llm", "trace_id": "${id}", "kind": "llm",
    "name": "generate",
    "model": "gpt-4o-mini", "usage": {"input_tokens": 1000, "output_tokens": 500},
    "started_at": "${llmStart.toISOString()}", "ended_at": "${llmEnd.toISOString()}"}},
  {"type": "score", "body": {"id": "${id}-rating", "trace_id": "${id}",
    "name": "user_rating", "value": 5}}
]}'`;
}

function otelSnippet(origin) {
  return `export OTEL_EXPORTER_OTLP_ENDPOINT=${origin}     # the exporter appends /v1/traces
export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer $SEXTANT_API_KEY"
export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf     # http/json works too
export OTEL_TRACES_EXPORTER=otlp
python my_agent.py                                   # or java -javaagent:..., node ..., ...`;
}

function javaSnippet(origin) {
  return `// dev.sextant:sextant-sdk; import dev.sextant.sdk.*;
String endpoint = "${origin}";
String apiKey = System.getenv("SEXTANT_API_KEY");
try (Sextant sextant = Sextant.builder().endpoint(endpoint).apiKey(apiKey).agentId("my-agent")
        .closeOnShutdown(true).build()) {
    Trace trace = sextant.trace("answer").input("Where is my order?").start();
    try (Scope scope = trace.makeCurrent()) {
        Span llm = sextant.llm("generate").model("gpt-4o-mini").start();
        llm.usage(1000, 500).output("It ships tomorrow.").end();
    }
    trace.output("It ships tomorrow.").end();
    sextant.score(trace.id(), "user_rating", 5, "fast");
} // close() sends what is queued`;
}

/** The first-steps panel for ctx's workspace. */
export function firstSteps(ctx) {
  const origin = location.origin;
  const ws = ctx.me.workspace;
  const key = ctx.can('admin')
    ? h('p', {}, 'First, ', h('a', { href: '/settings/keys' }, 'create an API key'),
      ' with the ', h('code', {}, 'ingest:write'), ' scope (its secret is shown once) and put it in ',
      h('code', {}, 'SEXTANT_API_KEY'), '.')
    : h('p', {}, `First, ask an admin of the workspace “${ws.name || ws.slug}” for an API key with the `,
      h('code', {}, 'ingest:write'), ' scope (only admins create keys), and put it in ', h('code', {}, 'SEXTANT_API_KEY'), '.');
  return h('section', { class: 'card wide first-steps', id: 'first-steps', 'aria-label': 'Send your first trace' },
    h('h2', {}, 'This workspace has no data yet: send your first trace'),
    h('p', { class: 'muted' }, `Agents report to this server, ${origin}, in any of the three ways below. `
      + 'This page switches to the overview by itself when the first interaction arrives.'),
    key,
    snippet('1. With curl, the native JSON API', curlSnippet(origin), 'curl',
      'One interaction with an LLM call and a rating; POST /api/v1/ingest takes batches of traces, spans, scores and sessions.'),
    snippet('2. From OpenTelemetry, any language', otelSnippet(origin), 'otel',
      'Any OTLP/HTTP exporter works; GenAI semantic conventions and OpenInference attributes are understood.'),
    snippet('3. From Java, with the Sextant SDK', javaSnippet(origin), 'java',
      'Recording only enqueues; a background thread sends batches and retries.'),
    h('p', { class: 'muted small' }, 'Every field and error of these endpoints: docs/API.md in the Sextant repository.'));
}
