package dev.sextant.analytics.training;

/** Everything {@link RunQuality} finds about one run. */
public record RunQualityReport(RunSummary summary, OverfittingResult overfitting, EarlyStoppingResult earlyStopping,
        ConvergenceResult convergence, StabilityResult stability, OvertrainingWasteResult overtraining) {}
