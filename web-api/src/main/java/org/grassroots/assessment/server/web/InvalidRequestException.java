package org.grassroots.assessment.server.web;

import java.util.List;
import org.grassroots.assessment.bundle.Problem;

/** A request that fails validation: 400 with every problem and its JSON Pointer. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidRequestException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String path, String message) {
        this(message, List.of(new Problem(path, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
