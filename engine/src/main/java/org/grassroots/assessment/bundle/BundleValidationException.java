package org.grassroots.assessment.bundle;

import java.util.List;

/** Thrown when a bundle (or a single visit) has at least one problem; it carries all of them. */
public class BundleValidationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public BundleValidationException(List<Problem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** All problems found, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        int count = problems.size();
        String first = count == 0 ? "" : "; first: " + problems.get(0);
        return count + (count == 1 ? " problem" : " problems") + first;
    }
}
