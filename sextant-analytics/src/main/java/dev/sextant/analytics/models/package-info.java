/**
 * Model versions: comparison with the parent (benchmark accuracy and production reliability, and
 * an assessment), the evolution timeline of an agent's versions, and continuous-learning drift of
 * a version's production performance against its first week. Pure functions over store records,
 * no I/O, no Spring. Transfer-learning effectiveness (time, cost and accuracy against training
 * from scratch) belongs here too, as its own class over training runs joined by a version's
 * {@code run_id}: {@link dev.sextant.analytics.models.TransferEffectiveness}.
 */
package dev.sextant.analytics.models;
