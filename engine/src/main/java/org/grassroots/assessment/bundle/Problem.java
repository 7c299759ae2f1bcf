package org.grassroots.assessment.bundle;

import java.util.Objects;

/**
 * One validation problem: where it is and what is wrong.
 *
 * @param path    a JSON Pointer (RFC 6901) to the offending value, relative to the document read;
 *                it names the missing member when a required field is absent, and is "" for the
 *                whole document (for example malformed JSON)
 * @param message a short plain-English message, e.g. {@code must not exceed floatingMembers (2)}
 */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}
