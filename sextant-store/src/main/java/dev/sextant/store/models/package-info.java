/**
 * Model versions per agent (the model a fine-tuning or other training produced, as production
 * calls name it), their benchmark evaluations, and the production reliability of a model id
 * read from the tracking tables. A version names the training run that produced it by
 * {@code run_id} only (free text): transfer-learning effectiveness joins it to the training-run
 * store when that exists, without a change here.
 */
package dev.sextant.store.models;
