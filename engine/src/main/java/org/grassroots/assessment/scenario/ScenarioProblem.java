package org.grassroots.assessment.scenario;

/** A problem with a scenario file: the file (as named in its set), the line (0 when none), what is wrong. */
public record ScenarioProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
