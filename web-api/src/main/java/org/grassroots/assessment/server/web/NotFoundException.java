package org.grassroots.assessment.server.web;

/** An unknown id in the path: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
