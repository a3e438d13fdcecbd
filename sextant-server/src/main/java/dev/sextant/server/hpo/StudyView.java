package dev.sextant.server.hpo;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoParameterType;
import dev.sextant.store.hpo.HpoStudy;
import dev.sextant.store.hpo.HpoStudySpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A study as the API answers it (without its analysis; {@link StudyDetailView} adds that). */
record StudyView(String id, String name, String agentId, String method, ObjectiveView objective,
        Map<String, ParameterView> searchSpace, BaselineView baseline, long seed, long trialCount, Instant createdAt) {

    record ObjectiveView(String metric, String direction) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParameterView(String type, Number low, Number high, Boolean log, List<Object> values) {}

    record BaselineView(Map<String, Object> hyperparameters, Double score) {}

    static StudyView of(HpoStudy study) {
        HpoStudySpec s = study.spec();
        Map<String, ParameterView> space = new LinkedHashMap<>();
        for (HpoParameter p : s.searchSpace()) {
            space.put(p.name(), switch (p.type()) {
                case CATEGORICAL -> new ParameterView(p.type().wire(), null, null, null, p.values());
                case INT -> new ParameterView(p.type().wire(), p.low().longValue(), p.high().longValue(), p.log(), null);
                case FLOAT -> new ParameterView(HpoParameterType.FLOAT.wire(), p.low(), p.high(), p.log(), null);
            });
        }
        BaselineView baseline = s.baselineScore() == null && s.baselineHyperparameters() == null ? null
                : new BaselineView(s.baselineHyperparameters(), s.baselineScore());
        return new StudyView(study.id(), s.name(), s.agentId(), s.method().wire(),
                new ObjectiveView(s.metric(), s.direction().wire()), space, baseline, s.seed(), study.trialCount(),
                study.createdAt());
    }
}
