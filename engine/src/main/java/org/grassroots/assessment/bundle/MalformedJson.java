package org.grassroots.assessment.bundle;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;

/** Turns a failure of the JSON parser (syntax, bad UTF-8, truncation, limits) into one problem. */
final class MalformedJson {

    private static final int MAX_REASON_LENGTH = 200;

    private MalformedJson() {
    }

    static Problem problem(JacksonException e, JsonParser parser) {
        TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        return problem(pathReached(parser), at, reason(e));
    }

    static Problem problem(String path, TokenStreamLocation at, String reason) {
        return new Problem(path, "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": " + reason);
    }

    /** The pointer to the value the parser was in, so a user can find the spot in a huge file. */
    private static String pathReached(JsonParser parser) {
        try {
            return parser.streamReadContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String reason(JacksonException e) {
        String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline);
        }
        // Jackson names its own configuration getters in limit messages; users cannot act on that.
        reason = reason.replaceAll(", from `[^`]*`", "");
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "…";
    }
}
