package org.grassroots.assessment.server.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The server's own Micrometer meters, under {@code /actuator/metrics/…}:
 * <ul>
 * <li>{@code assessment.evaluation} (timer; tags {@code period}, {@code outcome} success|failure): stored evaluations;</li>
 * <li>{@code assessment.evaluation.organizations} (counter; tag {@code period}): organizations evaluated and stored;</li>
 * <li>{@code assessment.import} (timer; tag {@code outcome}): bundle imports;</li>
 * <li>{@code assessment.import.records} (counter; tag {@code kind}): records imported, by kind;</li>
 * <li>{@code assessment.visits.recorded} (counter; tag {@code source} api|import): new visits stored.</li>
 * </ul>
 * A failure is counted as such whatever it was (invalid input, conflict, error); only committed work counts records.
 */
@Component
public class AssessmentMetrics {

    public static final String EVALUATION = "assessment.evaluation";
    public static final String EVALUATED_ORGANIZATIONS = "assessment.evaluation.organizations";
    public static final String IMPORT = "assessment.import";
    public static final String IMPORTED_RECORDS = "assessment.import.records";
    public static final String VISITS_RECORDED = "assessment.visits.recorded";

    private final MeterRegistry registry;

    public AssessmentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times a stored evaluation of the period, tagged with its outcome. */
    public <T> T timeEvaluation(String period, Supplier<T> work) {
        return time(Timer.builder(EVALUATION).description("stored evaluations").tag("period", period), work::get);
    }

    public void evaluatedOrganizations(String period, int count) {
        Counter.builder(EVALUATED_ORGANIZATIONS).description("organizations evaluated and stored")
                .tag("period", period).register(registry).increment(count);
    }

    /** Times a bundle import, tagged with its outcome. */
    public <T, E extends Exception> T timeImport(Work<T, E> work) throws E {
        return time(Timer.builder(IMPORT).description("bundle imports"), work);
    }

    public void importedRecords(String kind, int count) {
        Counter.builder(IMPORTED_RECORDS).description("records imported, by kind").tag("kind", kind)
                .register(registry).increment(count);
    }

    public void visitsRecorded(String source, int count) {
        Counter.builder(VISITS_RECORDED).description("new inspection visits stored").tag("source", source)
                .register(registry).increment(count);
    }

    /** Work that may throw a checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private <T, E extends Exception> T time(Timer.Builder timer, Work<T, E> work) throws E {
        long started = System.nanoTime();
        String outcome = "failure";
        try {
            T result = work.run();
            outcome = "success";
            return result;
        } finally {
            timer.tag("outcome", outcome).register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
