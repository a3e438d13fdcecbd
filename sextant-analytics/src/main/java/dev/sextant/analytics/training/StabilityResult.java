package dev.sextant.analytics.training;

import java.util.List;

/**
 * Loss noise (residual standard deviation, NaN with fewer than two finite losses) and the same
 * relative to the mean smoothed loss; indices of gradient-norm spikes; NaN and infinite values
 * counted over loss and gradient norm together.
 */
public record StabilityResult(double lossNoise, double relativeLossNoise, List<Integer> gradientSpikes,
        int nanCount, int infiniteCount) {

    public StabilityResult {
        gradientSpikes = List.copyOf(gradientSpikes);
    }
}
