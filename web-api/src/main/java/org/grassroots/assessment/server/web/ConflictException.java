package org.grassroots.assessment.server.web;

/** The request contradicts what is stored (a different visit with the same id, a frozen evaluation): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
