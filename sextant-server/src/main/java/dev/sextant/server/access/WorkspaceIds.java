package dev.sextant.server.access;

import dev.sextant.model.WorkspaceId;
import java.security.SecureRandom;

/** Workspace identity: new ids are: {@code ws_} + 16 random lower-case base32 characters. */
public final class WorkspaceIds {
    /** The slug of the workspace bootstrap creates; its admin keys are the instance admin. */
    public static final String DEFAULT_SLUG = "default";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkspaceIds() {}

    public static WorkspaceId next() {
        StringBuilder id = new StringBuilder("ws_");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return WorkspaceId.of(id.toString());
    }
}
