// The quality cards of one run: the run's `quality` (GET /api/v1/training/runs/{id}) as five cards
// — overfitting, early stopping, convergence, stability, overtraining waste — each with a verdict
// in plain words (data-verdict carries it for scripts) and the figures it rests on.
import { h, fmt, badge } from '../ui.js';
import { loss, gpuHours, facts } from './training-common.js';

/** Index of an evaluation → its step, when the val_loss steps are known. */
function at(steps, index) {
  if (index === null || index === undefined) return null;
  return steps?.[index] ?? null;
}

function stepText(steps, index) {
  const s = at(steps, index);
  return s === null ? `evaluation ${index + 1}` : `step ${fmt.int(s)}`;
}

function qualityCard(id, title, verdict, kind, sentence, rows) {
  return h('section', { class: `card quality-card ${kind}`, id, 'aria-label': title, dataset: { verdict } },
    h('header', { class: 'card-head' }, h('h2', {}, title), badge(verdict.replaceAll('_', ' '), kind)),
    h('p', { class: 'verdict-text' }, sentence),
    facts(rows));
}

/** The five cards; `valSteps` are the steps of the val_loss points in order (the quality's indices count them). */
export function qualityCards(run, valSteps) {
  const q = run.quality;
  if (!q) return [];
  return [overfitting(q.overfitting, valSteps), earlyStopping(q.early_stopping, valSteps), convergence(q.convergence),
    stability(q.stability), overtraining(q.overtraining, run)];
}

function overfitting(o, steps) {
  const rows = [['Generalization gap at the end', loss(o.final_gap)], ['Gap at the best point', loss(o.gap_at_best)],
    ['Training loss slope', loss(o.training_slope)], ['Validation loss slope', loss(o.validation_slope)]];
  if (o.overfitting) {
    return qualityCard('quality-overfitting', 'Overfitting', 'overfitting', 'bad',
      `The model overfits: from ${stepText(steps, o.onset_index)} validation loss rises while training loss keeps falling. `
      + `The generalization gap (validation − training loss) grew from ${loss(o.gap_at_best)} at the best point to ${loss(o.final_gap)} at the end.`,
      [['Onset', o.onset_index === null ? '—' : stepText(steps, o.onset_index)], ...rows]);
  }
  return qualityCard('quality-overfitting', 'Overfitting', 'none', 'good',
    o.final_gap === null ? 'No sign of overfitting (without both losses there is no gap to measure).'
      : `No sign of overfitting: validation loss is not rising while training loss falls; the gap at the end is ${loss(o.final_gap)}.`,
    rows);
}

function earlyStopping(e, steps) {
  const rows = [['Best evaluation', e.best_index === null ? '—' : `${stepText(steps, e.best_index)} (${loss(e.best_loss)})`],
    ['Patience ran out', e.stop_index === null ? 'no' : stepText(steps, e.stop_index)],
    ['Evaluations after that', fmt.int(e.evaluations_after_stop)], ['Stopped early', e.stopped_early ? 'yes' : 'no']];
  if (e.should_have_stopped) {
    return qualityCard('quality-early-stopping', 'Early stopping', 'should_have_stopped', 'warn',
      `Early stopping should have ended this run at ${stepText(steps, e.stop_index)}: validation loss did not improve after `
      + `${stepText(steps, e.best_index)}, and ${fmt.int(e.evaluations_after_stop)} more evaluations ran for nothing.`, rows);
  }
  if (e.stopped_early) {
    return qualityCard('quality-early-stopping', 'Early stopping', 'stopped_early', 'good',
      `The run stopped early, at ${stepText(steps, e.stop_index)}, once validation loss had stopped improving.`, rows);
  }
  return qualityCard('quality-early-stopping', 'Early stopping', 'not_needed', 'good',
    e.best_index === null ? 'No validation loss yet, so there is nothing to stop on.'
      : `Not needed: validation loss kept improving (best at ${stepText(steps, e.best_index)}).`, rows);
}

function convergence(c) {
  const rows = [['Rate (shrink of ln loss per logged point)', loss(c.rate)], ['Improvement over the tail', c.tail_improvement === null ? '—' : fmt.pct(c.tail_improvement, 2)],
    ['Tail points', fmt.int(c.tail_points)]];
  if (c.diverging) {
    return qualityCard('quality-convergence', 'Convergence', 'diverging', 'bad',
      'The training loss is diverging: it grows instead of settling. Lower the learning rate or clip gradients.', rows);
  }
  if (c.converged) {
    return qualityCard('quality-convergence', 'Convergence', 'converged', 'good',
      `Converged: the training loss has settled (it improved by only ${fmt.pct(c.tail_improvement ?? 0, 2)} over its last ${fmt.int(c.tail_points)} points).`, rows);
  }
  return qualityCard('quality-convergence', 'Convergence', 'improving', 'warn',
    'Still improving: the training loss has not settled yet; more steps would lower it further.', rows);
}

function stability(s) {
  const spikes = s.gradient_spikes?.length ?? 0;
  const bad = s.nan_count + s.infinite_count;
  const rows = [['NaN values', fmt.int(s.nan_count)], ['Infinite values', fmt.int(s.infinite_count)],
    ['Gradient norm spikes', fmt.int(spikes)], ['Loss noise', loss(s.loss_noise)],
    ['Relative loss noise', s.relative_loss_noise === null ? '—' : fmt.pct(s.relative_loss_noise, 2)]];
  if (bad || spikes) {
    const what = [bad ? `${fmt.int(s.nan_count)} NaN and ${fmt.int(s.infinite_count)} infinite values in the loss and gradient norm` : null,
      spikes ? `${fmt.int(spikes)} gradient-norm spike${spikes === 1 ? '' : 's'}` : null].filter(Boolean).join(' and ');
    return qualityCard('quality-stability', 'Stability', 'unstable', bad ? 'bad' : 'warn',
      `Unstable: ${what}. Gradient clipping or a lower learning rate usually calms this.`, rows);
  }
  return qualityCard('quality-stability', 'Stability', 'stable', 'good',
    `Stable: no NaN or infinite values and no gradient spikes; the loss noise is ${s.relative_loss_noise === null ? 'unknown' : fmt.pct(s.relative_loss_noise, 1)} of the loss.`, rows);
}

function overtraining(w, run) {
  const rows = [['Best epoch', loss(w.best_epoch)], ['Last epoch', loss(w.last_epoch)],
    ['Best at', w.best_fraction === null ? '—' : `${fmt.pct(w.best_fraction, 0)} of the run`],
    ['Wasted epochs', loss(w.wasted_epochs)], ['Wasted GPU hours', gpuHours(w.wasted_gpu_hours)]];
  if (w.overtrained) {
    const hours = w.wasted_gpu_hours === null ? (run.resources?.gpu_hours === null ? ' (report gpu_hours to see the GPU hours)' : '')
      : ` and ${gpuHours(w.wasted_gpu_hours)} of GPU time`;
    return qualityCard('quality-overtraining', 'Overtraining waste', 'overtrained', 'bad',
      `Overtrained: the best epoch was ${loss(w.best_epoch)} of ${loss(w.last_epoch)}, before 70% of the run; `
      + `${loss(w.wasted_epochs)} epochs${hours} were spent after it without improving.`, rows);
  }
  return qualityCard('quality-overtraining', 'Overtraining waste', 'none', 'good',
    w.best_epoch === null ? 'Nothing to judge yet: no validation loss with epochs.'
      : 'No waste: the best epoch came late in the run, so the epochs were used.', rows);
}
