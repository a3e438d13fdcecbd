/**
 * Configuration analytics (issue 6 items 2, 6 and 7), pure functions over the store's per-version
 * figures and plain inputs: {@link dev.sextant.analytics.configurations.VersionComparison} (a
 * version against its parent, the default or any other, with significance and a verdict),
 * {@link dev.sextant.analytics.configurations.CustomizationLevel} (minimal, moderate, extensive),
 * {@link dev.sextant.analytics.configurations.ParameterImpact} with its
 * {@link dev.sextant.analytics.configurations.NextConfiguration} recommendation, and
 * {@link dev.sextant.analytics.configurations.BusinessImpact} (before and after each change, ROI).
 * Each class documents its thresholds and formulas.
 */
package dev.sextant.analytics.configurations;
