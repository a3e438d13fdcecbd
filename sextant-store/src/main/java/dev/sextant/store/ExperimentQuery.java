package dev.sextant.store;

/** Which experiments to list: all, or only those with this status and/or of this agent (null: any). */
public record ExperimentQuery(ExperimentStatus status, String agentId) {
    public static final ExperimentQuery ALL = new ExperimentQuery(null, null);
}
