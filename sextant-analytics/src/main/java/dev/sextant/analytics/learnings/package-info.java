/**
 * The learning loop's statistics (issue 8 item 3): a learning's confidence as a Beta posterior
 * and its trend ({@link LearningConfidence}), its effect against the agent's baseline
 * ({@link LearningEffect}), and the best tool and model per task type
 * ({@link TaskRecommendations}). Plain Java over the store's counts; Commons Math for the
 * distributions.
 */
package dev.sextant.analytics.learnings;
