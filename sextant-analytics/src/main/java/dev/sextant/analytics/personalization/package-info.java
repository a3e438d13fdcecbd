/**
 * Personalization analytics over the store's per-user reads, in plain Java: rating trends per user
 * and agent ({@link dev.sextant.analytics.personalization.UserTrends}), behaviour segments by
 * k-means ({@link dev.sextant.analytics.personalization.UserSegments}) and users' customization
 * patterns ({@link dev.sextant.analytics.personalization.CustomizationPatterns}).
 */
package dev.sextant.analytics.personalization;
