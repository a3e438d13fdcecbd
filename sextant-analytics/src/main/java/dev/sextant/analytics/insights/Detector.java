package dev.sextant.analytics.insights;

/** One kind of finding: looks at the run's data and tests every candidate that has enough of it. */
interface Detector {
    Detection detect(InsightData data);
}
