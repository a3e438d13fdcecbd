/**
 * MLflow tracking REST compatibility (issue 7 item 2): the subset of {@code /api/2.0/mlflow/...}
 * that MLflow clients use to log, over the training-runs store, with the Sextant API key as the
 * MLflow tracking token and errors in MLflow's {@code {"error_code", "message"}} shape.
 */
package dev.sextant.server.mlflow;
