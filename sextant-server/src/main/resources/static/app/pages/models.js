// Model versions (`/models`): an agent's versions (the agent picker, `?agent=` in the URL) with
// the evolution timeline — primary accuracy per version and the rolling improvement — and the
// parent of each. GET /api/v1/model-versions and /api/v1/model-versions/timeline?agent_id=.
// Below it, the agent's transfer-learning effectiveness (models-transfer.js).
import { api } from '../api.js';
import { h, fill, fmt, card, empty } from '../ui.js';
import { chart } from '../charts.js';
import { sortableTable } from '../sortable-table.js';
import { useModelStyles, versionHref, accuracy, points, pointsKind, when } from './models-common.js';
import { transferCard } from './models-transfer.js';

export async function render(ctx) {
  useModelStyles();
  ctx.title('Model versions');
  const page = h('div', { class: 'models-page' });
  fill(ctx.main, page);
  const head = h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Model versions'),
      h('p', { class: 'muted' }, 'The models each agent runs in production — fine-tunes, few-shot sets, RL policies — with their '
        + 'parents, benchmark results, and how each compares with the one before it.')));
  const pickerHolder = h('div', { class: 'agent-picker' });
  head.append(pickerHolder);
  const transferHolder = h('div', { id: 'model-transfer-holder' }); // the picked agent's transfer learning
  const body = card('Versions', async cardBody => {
    const { versions } = await api('/model-versions');
    if (!versions.length) {
      return empty('No model versions yet. Register one with POST /api/v1/model-versions (its agent, label and the model id its '
        + 'production spans carry), then add benchmark results to …/evaluations (docs/API.md, "Model versions").');
    }
    const counts = new Map();
    for (const v of versions) counts.set(v.agent_id, (counts.get(v.agent_id) || 0) + 1);
    const agents = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
    const wanted = ctx.query.get('agent');
    const agent = agents.includes(wanted) ? wanted : agents[0];
    const picker = h('select', { id: 'model-agent', onchange: () => ctx.setQuery({ agent: picker.value }, { push: true }) },
      agents.map(a => h('option', { value: a, selected: a === agent }, `${a} (${counts.get(a)})`)));
    fill(pickerHolder, h('label', { for: 'model-agent' }, 'Agent'), picker);
    if (transferHolder.dataset.agent !== agent) { // a Retry of this card keeps a loaded transfer block
      transferHolder.dataset.agent = agent;
      fill(transferHolder, transferCard(agent));
    }
    const byId = new Map(versions.map(v => [v.id, v]));
    const timeline = await api('/model-versions/timeline', { params: { agent_id: agent } });
    const chartEl = h('div', { class: 'chart', role: 'img', dataset: { chart: 'timeline' },
      'aria-label': `primary accuracy of each ${agent} version and the rolling improvement; the table lists the same numbers` });
    const out = h('div', {}, chartEl,
      h('p', { class: 'muted small' }, `Primary accuracy: the mean of each benchmark's latest primary value. Improvement: against the `
        + `version before it on the benchmarks both ran; rolling: the mean of the last ${timeline.window}.`),
      versionTable(timeline, byId));
    fill(cardBody, out);
    drawTimeline(chartEl, timeline);
    return undefined;
  }, { wide: true, id: 'model-versions' });
  fill(page, head, h('div', { class: 'grid' }, body, transferHolder));
}

function drawTimeline(el, timeline) {
  const labels = timeline.versions.map(v => v.version_label);
  chart(el, {
    grid: { left: 56, right: 64, top: 30, bottom: 30 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels },
    yAxis: [
      { type: 'value', name: 'accuracy', scale: true, axisLabel: { formatter: v => fmt.pct(v, 0) } },
      { type: 'value', name: 'improvement', axisLabel: { formatter: v => points(v) }, splitLine: { show: false } },
    ],
    series: [
      { name: 'primary accuracy', type: 'line', data: timeline.versions.map(v => v.primary_accuracy), symbolSize: 8,
        tooltip: { valueFormatter: v => accuracy(v) } },
      { name: 'rolling improvement', type: 'bar', yAxisIndex: 1, data: timeline.versions.map(v => v.rolling_improvement),
        barMaxWidth: 28, tooltip: { valueFormatter: v => points(v) } },
    ],
  });
}

function versionTable(timeline, byId) {
  const delta = v => h('span', { class: `delta ${pointsKind(v)}` }, points(v));
  return sortableTable([
    { label: 'Version', value: v => h('a', { href: versionHref(v.id), class: 'version-label' }, v.version_label),
      sort: v => v.version_label },
    { label: 'Model id', value: v => h('code', { class: 'model-id' }, v.model_id), sort: v => v.model_id },
    { label: 'Parent', value: v => v.parent_version_id
      ? h('a', { href: versionHref(v.parent_version_id), class: 'version-label', dataset: { parent: v.parent_version_id } },
        byId.get(v.parent_version_id)?.version_label ?? v.parent_version_id)
      : h('span', { class: 'muted' }, 'none'), sort: v => v.parent_version_id },
    { label: 'Training', value: v => byId.get(v.id)?.training_type?.replaceAll('_', ' ') ?? '—', sort: v => byId.get(v.id)?.training_type },
    { label: 'Deployed', value: v => when(v.deployed_at), sort: v => v.deployed_at },
    { label: 'Evaluations', class: 'num', value: v => fmt.int(v.evaluations), sort: v => v.evaluations },
    { label: 'Primary accuracy', class: 'num', value: v => h('span', { dataset: { metric: 'primary_accuracy', value: String(v.primary_accuracy) } },
      accuracy(v.primary_accuracy)), sort: v => v.primary_accuracy },
    { label: 'Improvement', class: 'num', value: v => h('span', { dataset: { metric: 'improvement', value: String(v.improvement) } },
      delta(v.improvement)), sort: v => v.improvement },
    { label: 'Rolling improvement', class: 'num', value: v => h('span', { dataset: { metric: 'rolling_improvement', value: String(v.rolling_improvement) } },
      delta(v.rolling_improvement)), sort: v => v.rolling_improvement },
  ], timeline.versions, { id: 'versions-table', rowAttrs: v => ({ dataset: { version: v.id } }) });
}
