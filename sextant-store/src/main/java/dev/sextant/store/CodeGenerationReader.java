package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/**
 * Code generation analytics over the {@code code_generation} spans of the selected interactions
 * and the {@code accepted} scores that judge them.
 */
public interface CodeGenerationReader {

    /** Overall, per generation type and per language. */
    CodeGenerationStats codeGeneration(WorkspaceId workspace, InteractionQuery query);
}
