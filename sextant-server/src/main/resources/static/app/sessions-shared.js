// Helpers shared by the sessions list and the session page: the page's stylesheet, status badges,
// and the "how to record a session" snippet for empty states.
import { h, badge, fmt, copyButton } from './ui.js';

/** Adds sessions.css once. */
export function sessionStyles() {
  if (!document.getElementById('sessions-css')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/app/sessions.css', id: 'sessions-css' }));
  }
}

export function statusBadge(status) {
  if (status === 'open') return badge('open', 'warn');
  if (status === 'ended') return badge('ended', 'good');
  if (status === 'ok') return badge('ok', 'good');
  if (status === 'error') return badge('error', 'bad');
  return badge(status || 'unset');
}

export function rating(r) {
  if (!r || r.mean === null || r.mean === undefined) return '—';
  return `${fmt.num(r.mean, 1)} / 5${r.count > 1 ? ` (${fmt.int(r.count)})` : ''}`;
}

/** How to record a session, with this server's own address in the commands. */
export function recordingHelp() {
  const origin = location.origin;
  const cli = [
    `./sextant login --url ${origin} --api-key sk-...`,
    './sextant session start --id my-task --agent my-assistant --user me --context \'{"repo": "shop"}\'',
    './sextant session log-tool --tool run_tests --success true --time-ms 150',
    './sextant session log-codegen --file src/Shop.java --type class --accepted --lines 40',
    './sextant session end --feedback 4 --text "found the bug"',
  ].join('\n');
  const sdk = [
    'try (Session session = sextant.session("my-task").user("me").agent("my-assistant").context("repo", "shop").open()) {',
    '    String answer = session.trace("refactor").wrap(() -> assistant.run(task)); // a trace of the session',
    '}',
  ].join('\n');
  return h('div', { class: 'sessions-help' },
    h('p', {}, 'A session groups the traces of one piece of work (a developer with a coding assistant, a support case). '
      + 'Record one from a shell with the CLI (an API key with ingest:write), or from Java with the SDK; '
      + 'any trace sent with "session_id" joins the session of that id.'),
    h('div', { class: 'snippet' }, h('div', { class: 'snippet-head' }, h('strong', {}, 'CLI'), copyButton(cli)), h('pre', {}, h('code', {}, cli))),
    h('div', { class: 'snippet' }, h('div', { class: 'snippet-head' }, h('strong', {}, 'Java SDK'), copyButton(sdk)), h('pre', {}, h('code', {}, sdk))),
    h('p', { class: 'muted' }, 'Or POST a "session" item to /api/v1/ingest: ',
      h('code', {}, '{"type": "session", "body": {"id": "my-task", "agent_id": "...", "user_id": "...", "started_at": "..."}}')));
}
