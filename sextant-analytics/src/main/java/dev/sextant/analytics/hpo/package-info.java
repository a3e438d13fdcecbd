/**
 * Hyperparameter optimization: a validated search space, the next trial by grid, random,
 * Bayesian (Gaussian process, Matérn 5/2 kernel, expected improvement) or evolutionary search,
 * parameter importance and sensitivity, and a study summary. Pure functions over a study and its
 * trials; no I/O, no Spring. Every random draw is seeded by the study's seed and its trial count,
 * so the same study with the same trials gets the same suggestion.
 */
package dev.sextant.analytics.hpo;
