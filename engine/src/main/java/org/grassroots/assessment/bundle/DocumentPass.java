package org.grassroots.assessment.bundle;

import tools.jackson.core.JsonParser;

/**
 * Reads one JSON document in two steps, so that the caller can make sure nothing follows the value
 * before any content problem is reported: malformed JSON always wins and comes alone.
 */
interface DocumentPass<T> {

    /** Consumes the value whose first token is the parser's current token, collecting problems. */
    void read(JsonParser parser);

    /** Runs the checks that need the whole document; returns the result or throws all problems. */
    T finish() throws BundleValidationException;
}
