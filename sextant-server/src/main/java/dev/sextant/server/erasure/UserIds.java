package dev.sextant.server.erasure;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;

/**
 * The user id of an erasure request, checked like ingestion checks a stored user id (1-256
 * characters, not blank, no control characters) so that every id ingestion could have stored can
 * be erased, and nothing else reaches the database.
 */
final class UserIds {
    static final int MAX_LENGTH = 256;

    private UserIds() {}

    static String validated(String id) {
        if (id == null || id.isBlank()) {
            throw problem("user_id must not be blank");
        }
        if (id.length() > MAX_LENGTH) {
            throw problem("user_id is " + id.length() + " characters long; user ids are at most " + MAX_LENGTH);
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw problem("user_id contains a control character at index " + i + "; user ids never do");
            }
        }
        if (id.equals(".") || id.equals("..") || id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
            throw problem("user_id must not be a path segment ('.', '..') or contain '/' or '\\\\'");
        }
        return id;
    }

    private static InvalidRequestException problem(String message) {
        return InvalidRequestException.of(FieldProblem.parameter("user_id", message));
    }
}
