package dev.sextant.sdk;

/**
 * What the server answered to creating or applying a learning: {@code ok} with the learning's id
 * (for an application, the trace's id and its {@code outcome} now: success, failure or pending);
 * otherwise {@code error} says why (the server was not reachable, refused the request, ...).
 */
public record LearningResult(boolean ok, String id, String outcome, String error) {

    static LearningResult failed(String error) {
        return new LearningResult(false, null, null, error);
    }
}
