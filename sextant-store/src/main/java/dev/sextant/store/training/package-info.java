/**
 * Training runs (issue 7): the {@link dev.sextant.store.training.TrainingRunStore} role and its
 * records. Runs carry free hyperparameters and tags so other layers (MLflow REST, importers)
 * can sit on top of this store unchanged.
 */
package dev.sextant.store.training;
