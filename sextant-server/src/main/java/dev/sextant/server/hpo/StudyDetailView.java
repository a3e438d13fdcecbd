package dev.sextant.server.hpo;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sextant.analytics.hpo.ParameterEffect;
import dev.sextant.analytics.hpo.ParameterEffects;
import dev.sextant.analytics.hpo.StudySummary;
import java.util.List;

/** A study with its summary, parameter importance and sensitivity. */
record StudyDetailView(@JsonUnwrapped StudyView study, SummaryView summary, ImportanceView importance,
        List<SensitivityView> sensitivity) {

    static final String IMPORTANCE_METHOD = "fanova_main_effects";

    record SummaryView(int trials, int completed, int failed, int pruned, TrialView bestTrial, ImprovementView improvement,
            OverfittingView overfitting, StudySummary.EpochStats convergenceEpochs) {}

    record ImprovementView(double baselineScore, double absolute, Double relative) {}

    record OverfittingView(int count, int reported) {}

    record ImportanceView(String method, int minTrials, List<ParameterImportance> parameters) {}

    record ParameterImportance(String parameter, double importance, int rank) {}

    record SensitivityView(String parameter, String scale, Double slope, Double slopeCiLow, Double slopeCiHigh,
            double marginalRange, String bestBin) {}

    static StudyDetailView of(StudyView study, Double baselineScore, StudySummary s, List<ParameterEffect> effects) {
        ImprovementView improvement = s.improvement() == null ? null
                : new ImprovementView(baselineScore, s.improvement(), s.relativeImprovement());
        SummaryView summary = new SummaryView(s.trials(), s.completed(), s.failed(), s.pruned(),
                s.best() == null ? null : TrialView.of(s.best()), improvement,
                new OverfittingView(s.overfitting(), s.overfittingReported()), s.convergenceEpochs());
        ImportanceView importance = new ImportanceView(IMPORTANCE_METHOD, ParameterEffects.MIN_TRIALS, effects.stream()
                .map(e -> new ParameterImportance(e.parameter(), e.importance(), e.rank())).toList());
        List<SensitivityView> sensitivity = effects.stream().map(e -> new SensitivityView(e.parameter(), e.scale(), e.slope(),
                e.slopeLow(), e.slopeHigh(), e.marginalRange(), e.bestBin())).toList();
        return new StudyDetailView(study, summary, importance, sensitivity);
    }
}
