package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.PowerAnalysis;
import dev.sextant.analytics.experiments.PowerAnalysis.EffectKind;
import dev.sextant.analytics.experiments.PowerAnalysis.SampleSize;
import dev.sextant.model.Scope;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How many units per variant an experiment needs before it starts ({@link PowerAnalysis}): for a
 * rate, {@code baseline} and {@code mde} ({@code kind} absolute or relative); for a mean,
 * {@code sd} and {@code mde} (absolute). Two-sided test at {@code alpha} (default 0.05) with
 * {@code power} (default 0.8) over {@code variants} arms (default 2).
 */
@RestController
class PowerController {

    @GetMapping("/api/v1/experiments/power")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    PowerView power(HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "baseline", "sd", "mde", "kind",
                "alpha", "power", "variants");
        Double baseline = p.number("baseline");
        Double sd = p.number("sd");
        Double mde = p.number("mde");
        String kindText = p.choice("kind", java.util.List.of("absolute", "relative"));
        Double alpha = p.number("alpha");
        Double power = p.number("power");
        Integer variants = p.whole("variants", 2, ExperimentBody.MAX_VARIANTS);
        if (request.getParameter("mde") == null) {
            p.problem("mde", "mde is required: the minimum detectable effect");
        }
        boolean rate = request.getParameter("baseline") != null;
        boolean mean = request.getParameter("sd") != null;
        if (!rate && !mean) {
            p.problem("baseline", "give baseline (a rate, 0 to 1) or sd (the standard deviation of a mean)");
        } else if (rate && mean) {
            p.problem("sd", "give baseline (for a rate) or sd (for a mean), not both");
        }
        EffectKind kind = EffectKind.ABSOLUTE;
        if (kindText != null) {
            kind = kindText.equals("relative") ? EffectKind.RELATIVE : EffectKind.ABSOLUTE;
            if (sd != null && kind == EffectKind.RELATIVE) {
                p.problem("kind", "kind=relative needs a baseline; for a mean give mde as an absolute difference");
            }
        }
        p.done();
        double a = alpha == null ? 0.05 : alpha;
        double pw = power == null ? 0.8 : power;
        int arms = variants == null ? 2 : variants;
        try {
            if (sd != null) {
                SampleSize n = PowerAnalysis.means(sd, mde, a, pw, arms);
                return new PowerView("mean", n.perVariant(), n.total(), null, null, sd, mde, "absolute", a, pw, arms);
            }
            SampleSize n = PowerAnalysis.proportions(baseline, mde, kind, a, pw, arms);
            return new PowerView("rate", n.perVariant(), n.total(), baseline, n.target(), null, mde,
                    kind.name().toLowerCase(java.util.Locale.ROOT), a, pw, arms);
        } catch (IllegalArgumentException e) {
            QueryParams problem = QueryParams.of(java.util.Map.of());
            problem.problem(e.getMessage().startsWith("alpha") ? "alpha" : e.getMessage().startsWith("power") ? "power"
                    : e.getMessage().contains("baseline rate") ? "baseline" : e.getMessage().contains("standard deviation")
                    ? "sd" : "mde", e.getMessage());
            problem.done();
            throw e;
        }
    }

    /** {@code metric}: rate or mean; {@code per_variant} units in each arm, {@code total} over all arms. */
    record PowerView(String metric, long perVariant, long total, Double baseline, Double target, Double sd, double mde,
            String kind, double alpha, double power, int variants) {}
}
