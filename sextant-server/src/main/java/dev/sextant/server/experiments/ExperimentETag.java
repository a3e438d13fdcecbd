package dev.sextant.server.experiments;

import dev.sextant.store.Experiment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The entity tag of an experiment's answer: a hash of its id, status and last change (every write
 * moves {@code updated_at}), and the baseline asked for. The same on every server instance.
 */
final class ExperimentETag {
    private ExperimentETag() {}

    static String of(Experiment e, Double baseline) {
        String basis = e.id() + "|" + e.status().wire() + "|" + e.updatedAt() + "|" + baseline;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform must provide SHA-256", impossible);
        }
    }

    /** Whether {@code If-None-Match} (one tag, a list, or *) names this tag; a weak W/ prefix is ignored. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
