package dev.sextant.store;

import java.time.Instant;

/**
 * One recorded change of one parameter: {@code sequence} orders a configuration's events;
 * {@code fromVersion}/{@code toVersion} are version ids ({@code fromVersion} null on create);
 * {@code parameter} is null when a change touched no parameter (a version identical to its
 * parent), with impact low. Values and validation are JSON texts.
 */
public record CustomizationEvent(String configurationId, long sequence, ChangeKind kind, String fromVersion,
        String toVersion, String parameter, String oldValue, String newValue, ImpactLevel impact, String validation,
        String createdBy, Instant createdAt) {}
