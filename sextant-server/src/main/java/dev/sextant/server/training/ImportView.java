package dev.sextant.server.training;

import dev.sextant.ingest.training.ImportProblem;
import dev.sextant.ingest.training.ImportedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an import stored, and the parts of the file it skipped (the importer's, then the hyperparameters left out). */
record ImportView(String runId, String format, String status, long pointsImported, List<String> metricNames,
        Map<String, Object> hyperparameters, Long totalSteps, Long lastStep, Double lastEpoch,
        Map<String, Double> summary, List<ProblemView> problems, long problemCount) {

    record ProblemView(Long line, String pointer, String message) {}

    static ImportView of(String runId, String status, ImportedRun imported, Map<String, Object> hyperparameters,
            Long totalSteps, List<ProblemView> extra) {
        List<ProblemView> problems = new ArrayList<>();
        for (ImportProblem p : imported.problems()) {
            problems.add(new ProblemView(p.line(), p.pointer(), p.message()));
        }
        problems.addAll(extra);
        return new ImportView(runId, imported.format().wireName(), status, imported.pointCount(), imported.metricNames(),
                hyperparameters, totalSteps, imported.lastStep(), imported.lastEpoch(), imported.summary(), problems,
                imported.problemCount() + extra.size());
    }
}
