package dev.sextant.store.masking;

import java.time.LocalDate;

/** A counter of one day. */
public record MaskingDayCount(LocalDate day, String detector, String action, long count) {}
