/**
 * The MLflow tracking layer's own records (issue 7 item 2): experiments, and the link of a
 * training run to its experiment. Runs, params, tags and metrics stay in
 * {@link dev.sextant.store.training.TrainingRunStore}; this role holds only what MLflow has and a
 * training run lacks.
 */
package dev.sextant.store.mlflow;
