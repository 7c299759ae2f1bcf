package org.grassroots.assessment.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The offline CLI's entry point run in this JVM, as the engine's CLI tests run it: the server's tests
 * compare what the server computes with what the CLI computes from the same files.
 */
public final class InProcessCli {

    private InProcessCli() {
    }

    /** What a run printed and its exit code. */
    public record Run(int exitCode, String out, String err) {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new AssessmentCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
