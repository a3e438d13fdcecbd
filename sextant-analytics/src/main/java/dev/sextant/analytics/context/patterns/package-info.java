/**
 * Frequent context patterns that predict success or failure: context turned into items
 * ({@link dev.sextant.analytics.context.patterns.ContextTransactions}), frequent itemsets by FP-Growth
 * ({@link dev.sextant.analytics.context.patterns.FpGrowth}, written here: SPMF and Smile are GPL),
 * and significant, non-redundant rules ({@link dev.sextant.analytics.context.patterns.PatternMiner}).
 */
package dev.sextant.analytics.context.patterns;
