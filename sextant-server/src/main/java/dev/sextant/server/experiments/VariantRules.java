package dev.sextant.server.experiments;

import dev.sextant.server.web.TextFields;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.store.ExperimentSpec.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of an experiment's variants: 2 to 10, unique slug ids, a configuration version that
 * exists, whole-percent allocations from 1 to 99 summing to exactly 100, at most one control
 * (none marked: the first).
 */
final class VariantRules {
    private VariantRules() {}

    /** The variants when all rules hold; otherwise problems are added and the answer is unusable. */
    static List<Variant> check(List<VariantBody> variants, WorkspaceId workspace, ConfigurationVersions versions,
            List<FieldProblem> problems) {
        if (variants == null) {
            problems.add(FieldProblem.field("variants", "variants is required: 2 to 10 variants, e.g. [{\"id\": \"control\","
                    + " \"configuration_version\": \"support-prompt-v1\", \"allocation\": 50}, ...]"));
            return List.of();
        }
        if (variants.size() < ExperimentBody.MIN_VARIANTS || variants.size() > ExperimentBody.MAX_VARIANTS) {
            problems.add(FieldProblem.field("variants", "an experiment has 2 to 10 variants, this one has " + variants.size()));
            return List.of();
        }
        int before = problems.size();
        Set<String> ids = new HashSet<>();
        long sum = 0;
        boolean allocationsWhole = true;
        int controls = 0;
        List<Variant> valid = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            String at = "variants[" + i + "]";
            VariantBody v = variants.get(i);
            if (v == null) {
                problems.add(FieldProblem.field(at, at + " is null; each variant is an object"));
                continue;
            }
            if (v.id() == null || !ExperimentBody.SLUG.matcher(v.id()).matches()) {
                problems.add(FieldProblem.field(at + ".id", at + ".id must be 1-64 characters of a-z, 0-9, '.', '_' or '-',"
                        + " starting with a letter or digit, was " + (v.id() == null ? "missing" : "'" + ExperimentBody.shorten(v.id()) + "'")));
            } else if (!ids.add(v.id())) {
                problems.add(FieldProblem.field(at + ".id", "variant id '" + v.id() + "' is used more than once"));
            }
            String name = TextFields.text(at + ".name", v.name(), ExperimentBody.MAX_NAME, false, problems);
            String version = TextFields.text(at + ".configuration_version", v.configurationVersion(),
                    ExperimentBody.MAX_VERSION, true, problems);
            if (version != null && !versions.exists(workspace, version)) {
                problems.add(FieldProblem.field(at + ".configuration_version", "configuration version '" + version
                        + "' does not exist in this workspace"));
            }
            if (v.allocation() == null || v.allocation() < 1 || v.allocation() > 99) {
                problems.add(FieldProblem.field(at + ".allocation", at + ".allocation is the variant's share of traffic,"
                        + " a whole percent from 1 to 99, was " + (v.allocation() == null ? "missing" : v.allocation())));
                allocationsWhole = false;
            } else {
                sum += v.allocation();
            }
            boolean control = Boolean.TRUE.equals(v.control());
            controls += control ? 1 : 0;
            valid.add(new Variant(v.id() == null ? "" : v.id(), name == null ? String.valueOf(v.id()) : name,
                    version == null ? "" : version, v.allocation() == null ? 0 : v.allocation(), control));
        }
        if (controls > 1) {
            problems.add(FieldProblem.field("variants", "exactly one variant is the control; " + controls + " are marked"
                    + " \"control\": true"));
        }
        if (allocationsWhole && sum != 100) {
            problems.add(FieldProblem.field("variants", "the allocations must sum to 100, they sum to " + sum));
        }
        if (problems.size() > before) {
            return List.of();
        }
        if (controls == 0) {
            Variant first = valid.getFirst();
            valid.set(0, new Variant(first.id(), first.name(), first.configurationVersion(), first.allocation(), true));
        }
        return valid;
    }
}
