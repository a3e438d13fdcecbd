package dev.sextant.cost;

import dev.sextant.model.Span;
import dev.sextant.model.WorkspaceId;

/**
 * Gives an incoming span its cost. A span whose client reported {@code costUsd} keeps it
 * (source reported); an LLM span with a model and usage gets a cost from the workspace's
 * prices or the shipped catalog (calculated); an LLM span with input/output text but no usage
 * gets estimated token counts and a cost from them (estimated). Anything else is returned as is.
 */
public interface CostAccountant {

    Span account(WorkspaceId workspace, Span span);
}
