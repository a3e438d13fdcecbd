package dev.sextant.analytics.datasets;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The report as snake_case JSON: the one place its bytes are decided, so a stored report reads back identically. */
public final class DatasetReportJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private DatasetReportJson() {}

    public static String write(DatasetReport report) {
        return JSON.writeValueAsString(report);
    }
}
