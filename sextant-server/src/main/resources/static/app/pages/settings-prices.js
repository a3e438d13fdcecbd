// Settings → Model prices: the catalog shipped with the release, the workspace's overrides (which
// win for spans ingested from then on), adding an override (config:write) and deleting one.
import { api } from '../api.js';
import { h, fill, fmt, card, table, empty } from '../ui.js';
import { named, numberOrText, formDialog, confirmDialog, notice } from '../admin-forms.js';

const PER_M = [['input', 'Input'], ['output', 'Output'], ['cache_read', 'Cache read'], ['cache_write', 'Cache write'], ['reasoning', 'Reasoning']];

function usd(v) {
  return v === null || v === undefined ? '—' : `$${Number(v).toLocaleString('en-US', { maximumFractionDigits: 6 })}`;
}

function priceColumns(extra, { pattern = false } = {}) {
  return [
    { label: 'Model', value: p => h('span', { class: 'price-model nowrap', title: `matches model names by ${p.match_pattern}` }, p.model) },
    { label: 'Provider', value: p => p.provider || '—' },
    { label: 'Valid', value: p => h('span', { class: 'nowrap' }, `${p.valid_from || '…'} → ${p.valid_to || 'now'}`) },
    { label: 'Tier', class: 'num', title: 'applies above this many prompt tokens (long-context tiers)', value: p => p.above_prompt_tokens ? fmt.int(p.above_prompt_tokens) : '—' },
    ...PER_M.map(([k, label]) => ({ label, class: 'num', value: p => usd(p[k]) })),
    ...(pattern ? [{ label: 'Pattern', value: p => h('code', { class: 'pattern', title: p.match_pattern }, p.match_pattern) }] : []),
    ...(extra ? [extra] : []),
  ];
}

export async function render(container, ctx) {
  const writer = ctx.can('config:write');
  const said = notice();
  let data = null;
  const load = async () => { data = await api('/prices'); return data; };
  const overrides = card('Workspace overrides', async () => {
    const d = await load();
    return table(priceColumns(writer ? { label: '', value: p => h('button', {
      class: 'btn small danger', 'aria-label': `Delete the override of ${p.model}`,
      onclick: () => confirmDialog(`Delete the override of ${p.model}?`,
        'Spans ingested from now on are priced by the catalog again. Stored costs do not change (an admin can recalculate them).',
        async () => { await api(`/prices/${encodeURIComponent(p.id)}`, { method: 'DELETE' }); said.ok(`Override of ${p.model} deleted.`); reloadBoth(); }),
    }, 'Delete') } : null, { pattern: true }), d.overrides, {
      emptyText: writer ? 'No overrides: every model is priced by the catalog below. Override a model when you pay a negotiated or newer price.'
        : 'No overrides: every model is priced by the catalog below.',
    });
  }, {
    wide: true, id: 'price-overrides',
    actions: writer ? h('button', { class: 'btn small primary', id: 'add-override', onclick: () => override(null) }, 'Add override') : null,
  });
  const search = h('input', { type: 'search', id: 'price-search', placeholder: 'model or provider', 'aria-label': 'Filter the catalog' });
  const catalog = card('Catalog', async body => {
    const d = data || await load();
    const rows = h('div', {});
    const draw = () => {
      const q = search.value.trim().toLowerCase();
      const shown = d.catalog.filter(p => !q || p.model.toLowerCase().includes(q) || (p.provider || '').toLowerCase().includes(q));
      fill(rows, shown.length ? table(priceColumns(writer ? { label: '', value: p => h('button', {
        class: 'btn small', 'aria-label': `Override ${p.model}`, onclick: () => override(p) }, 'Override') } : null), shown)
        : empty(q ? `No catalog price matches “${search.value}”.` : 'The catalog is empty.'));
    };
    search.oninput = draw;
    draw();
    return h('div', {}, h('p', { class: 'muted' }, `Version ${d.catalog_version}. USD per 1M tokens; missing cache and reasoning prices fall back to input and output.`),
      h('div', { class: 'filters' }, search), rows);
  }, { wide: true, id: 'price-catalog' });
  function reloadBoth() { data = null; overrides.reload(); setTimeout(() => catalog.reload(), 0); }

  async function override(base) {
    const input = (name, value, attrs = {}) => h('input', { name, value: value ?? '', autocomplete: 'off', ...attrs });
    const content = h('div', {},
      h('div', { class: 'row' },
        named('model', 'Model', input('model', base?.model, { maxlength: 256 })),
        named('provider', 'Provider (optional)', input('provider', base?.provider, { maxlength: 256 }))),
      named('match_pattern', 'Match pattern (optional)', input('match_pattern', base?.match_pattern),
        'A regular expression for the span\'s model name; empty: the model name exactly, ignoring case.'),
      h('fieldset', {}, h('legend', {}, 'USD per 1M tokens'),
        h('div', { class: 'row' }, PER_M.map(([k, label]) => named(k, `${label}${k === 'input' || k === 'output' ? '' : ' (optional)'}`,
          input(k, base?.[k], { inputmode: 'decimal' }))))),
      h('div', { class: 'row' },
        named('valid_from', 'Valid from (optional)', input('valid_from', '', { placeholder: 'YYYY-MM-DD' })),
        named('valid_to', 'Valid to (optional)', input('valid_to', '', { placeholder: 'YYYY-MM-DD' })),
        named('above_prompt_tokens', 'Above prompt tokens', input('above_prompt_tokens', base?.above_prompt_tokens || '', { inputmode: 'numeric', placeholder: '0' }),
          'For a long-context tier.')));
    const saved = await formDialog(base ? `Override ${base.model}` : 'Add a price override', content, {
      submitLabel: 'Save override', wide: true,
      onSubmit: form => {
        const f = form.elements;
        const text = name => f[name].value.trim() || undefined;
        const body = { model: text('model'), provider: text('provider'), match_pattern: text('match_pattern'),
          valid_from: text('valid_from'), valid_to: text('valid_to'), above_prompt_tokens: numberOrText(f.above_prompt_tokens.value) };
        for (const [k] of PER_M) body[k] = numberOrText(f[k].value);
        return api('/prices', { method: 'POST', body });
      },
    });
    if (saved) { said.ok(`Override of ${saved.model} saved; it prices spans ingested from now on.`); reloadBoth(); }
  }

  fill(container, said, overrides, catalog);
}
