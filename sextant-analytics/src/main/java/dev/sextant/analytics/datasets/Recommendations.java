package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Concrete next steps from a report, most damaging first; each names how many records and which lines. */
final class Recommendations {
    private static final int SHOWN = 5;

    private Recommendations() {}

    static List<String> of(DatasetReport r, List<Long> piiLines) {
        List<String> out = new ArrayList<>();
        if (r.malformed().total() > 0) {
            out.add("fix or remove " + r.malformed().total() + " malformed line" + s(r.malformed().total()) + " (lines "
                    + lines(r.malformed().examples().stream().map(DatasetReport.MalformedLine::line).toList(), r.malformed().total()) + ")");
        }
        var exact = r.duplicates().exact();
        if (exact.total() > 0) {
            out.add("remove " + exact.total() + " exact duplicate" + s(exact.total()) + " (lines "
                    + lines(exact.examples().stream().map(DatasetReport.DuplicatePair::line).toList(), exact.total()) + ")");
        }
        var near = r.duplicates().near();
        if (near.total() > 0) {
            out.add("review " + near.total() + " near duplicate" + s(near.total()) + " (Jaccard >= " + near.jaccardThreshold()
                    + "; lines " + lines(near.examples().stream().map(DatasetReport.SimilarPair::line).toList(), near.total())
                    + ") and keep one of each group");
        }
        if (r.pii().recordsWithPii() > 0) {
            String kinds = r.pii().kinds().stream().map(k -> k.matches() + " " + k.kind().replace('_', ' '))
                    .collect(Collectors.joining(", "));
            out.add("mask or remove personal data in " + r.pii().recordsWithPii() + " record" + s(r.pii().recordsWithPii())
                    + " (" + kinds + "; lines " + lines(piiLines, r.pii().recordsWithPii()) + ")");
        }
        if (r.labelQuality().conflictingInputs() > 0) {
            out.add("resolve " + r.labelQuality().conflictingInputs() + " input" + s(r.labelQuality().conflictingInputs())
                    + " labelled differently in different records (lines "
                    + lines(r.labelQuality().examples().stream().map(DatasetReport.LabelConflict::line).toList(),
                            r.labelQuality().recordsAffected() - r.labelQuality().conflictingInputs()) + ")");
        }
        var balance = r.classBalance();
        if (balance != null && balance.labels().size() >= 2 && balance.imbalanceRatio() >= 3) {
            var most = balance.labels().getFirst();
            var least = balance.labels().getLast();
            out.add("rebalance the labels: '" + most.label() + "' has " + most.count() + " records, '" + least.label() + "' "
                    + least.count() + " (ratio " + balance.imbalanceRatio() + "); collect or oversample '" + least.label()
                    + "', or weight the classes");
        }
        noise(r.noise(), out);
        if (r.consistency().formatMismatches().total() > 0) {
            out.add("convert or remove " + r.consistency().formatMismatches().total() + " record"
                    + s(r.consistency().formatMismatches().total()) + " not in the " + r.format() + " format (lines "
                    + lines(r.consistency().formatMismatches().lines(), r.consistency().formatMismatches().total()) + ")");
        }
        if (r.consistency().roleOrderIssues() > 0) {
            out.add("fix the role order of " + r.consistency().roleOrderIssues() + " conversation"
                    + s(r.consistency().roleOrderIssues()) + " (lines " + lines(r.consistency().roleOrderExamples().stream()
                            .map(DatasetReport.RoleIssue::line).toList(), r.consistency().roleOrderIssues()) + ")");
        }
        var schemas = r.consistency().schemas();
        if (r.consistency().offMainSchema() > 0 && !schemas.isEmpty()) {
            out.add("align the fields of " + r.consistency().offMainSchema() + " record" + s(r.consistency().offMainSchema())
                    + " with the most common set (" + String.join(", ", schemas.getFirst().keys()) + "); other sets first appear"
                    + " at lines " + lines(schemas.stream().skip(1).map(DatasetReport.Schema::firstLine).toList(),
                            schemas.size() - 1));
        }
        for (var f : r.completeness().fields()) {
            if (f.missing() + f.empty() > 0) {
                out.add("fill in or drop records missing '" + f.field() + "' (" + f.missing() + " missing, " + f.empty() + " empty)");
            }
        }
        if (r.bias().labelByLength() != null && r.bias().labelByLength().flagged()) {
            out.add(r.bias().labelByLength().note());
        }
        if (r.bias().genderedTerms().flagged()) {
            out.add(r.bias().genderedTerms().note());
        }
        if (r.records() >= 100 && r.diversity().distinct2() < 0.2) {
            out.add("add more varied examples: only " + r.diversity().distinct2() + " of word pairs are distinct (distinct-2)");
        }
        if (r.records() == 0) {
            out.add("the dataset has no records that could be analysed; check the format and the file");
        }
        if (out.isEmpty()) {
            out.add("no problems found; the dataset is ready for training");
        }
        return List.copyOf(out);
    }

    private static void noise(DatasetReport.Noise n, List<String> out) {
        add(out, n.empty(), "remove", "empty record", "");
        add(out, n.tooShort(), "review", "record", " shorter than " + n.minTokens() + " tokens");
        add(out, n.tooLong(), "split or truncate", "record", " longer than " + n.maxTokens() + " tokens");
        add(out, n.encodingDamage(), "re-encode as UTF-8 or remove", "record", " with encoding damage");
    }

    private static void add(List<String> out, DatasetReport.Lines found, String verb, String noun, String rest) {
        if (found.total() > 0) {
            out.add(verb + " " + found.total() + " " + noun + s(found.total()) + rest + " (lines "
                    + lines(found.lines(), found.total()) + ")");
        }
    }

    static String lines(List<Long> shown, long total) {
        String list = shown.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
        return total > Math.min(SHOWN, shown.size()) ? list + ", …" : list;
    }

    private static String s(long n) {
        return n == 1 ? "" : "s";
    }
}
