/**
 * Run quality of a training run, computed from its metric series alone: overfitting and the
 * generalization gap, the early-stopping point, convergence and its rate, stability (noise,
 * gradient spikes, NaN/inf), overtraining waste and a summary. Pure functions, no I/O, no Spring.
 * Every series is one value per evaluation, in step order; non-finite values are counted where
 * that matters (stability) and otherwise skipped.
 */
package dev.sextant.analytics.training;
