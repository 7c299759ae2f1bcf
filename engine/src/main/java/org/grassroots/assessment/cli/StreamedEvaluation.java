package org.grassroots.assessment.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.grassroots.assessment.bundle.SpilledBundle;
import org.grassroots.assessment.concurrent.Futures;
import org.grassroots.assessment.evaluation.AssessmentWindow;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.MemberResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.PreviousGrades;
import org.grassroots.assessment.evaluation.RectificationItem;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;

/**
 * Evaluates a bundle kept on disk ({@link SpilledBundle}) part by part and writes the same result
 * JSON, byte for byte, as evaluating it in memory and writing it with {@link ResultJson}.
 *
 * <p>What must be whole-district stays in memory, small: for the district phase (ranking) a slim
 * copy of each organization's result (code, type, parent, the scores it is ranked by, its flags and
 * reasons). Everything else goes to temporary files as each part finishes: the full organization
 * results (read back one by one in rank order), and the members and rectification items, each
 * part's already in their order (merged while writing). An organization's previous period is
 * evaluated with it in its part: it needs only the organization's own records.
 *
 * <p>The disk work hides behind the engine: while part N is evaluated, part N+1 is read and decoded
 * on a thread of its own, and the results of part N-1 are written on another; each hands over
 * one part at a time, so at most two parts' records (and two parts' full results) are in memory.
 * While the result JSON is written, the spilled results are read and decoded ahead on a third thread
 * ({@link ReadAhead}).
 */
public final class StreamedEvaluation {

    private static final Comparator<MemberResult> MEMBER_ORDER = Comparator.comparing(MemberResult::memberId);

    private final Evaluator evaluator;
    private final Path tempDirectory;
    private final PhaseTimer timer;

    /** @param tempDirectory where the temporary directory of the results is made */
    public StreamedEvaluation(Evaluator evaluator, Path tempDirectory) {
        this(evaluator, tempDirectory, new PhaseTimer(null));
    }

    StreamedEvaluation(Evaluator evaluator, Path tempDirectory, PhaseTimer timer) {
        this.evaluator = evaluator;
        this.tempDirectory = tempDirectory;
        this.timer = timer;
    }

    /**
     * Evaluates every part, ranks the district and writes the result JSON to {@code out}; movement
     * compares with the given previous tiers, or (null) with each part's previous period evaluated
     * from its facts.
     */
    public void evaluate(SpilledBundle bundle, Period period, LocalDate asOf, PreviousGrades previous, OutputStream out)
            throws IOException {
        AssessmentWindow window = AssessmentWindow.of(period, asOf);
        try (ResultSpill spill = new ResultSpill(tempDirectory)) {
            ExecutorService reading = thread("spill-reader");
            ExecutorService writing = thread("spill-writer");
            // a thread per list read ahead (one at a time as the JSON is written; one left waiting
            // would not hold up the next, and is interrupted below)
            ExecutorService readingAhead = Executors.newCachedThreadPool(daemon("spill-read-ahead"));
            try {
                List<OrganizationResult> slim = new ArrayList<>();
                Future<Bundle> next = bundle.parts() > 0 ? reading.submit(() -> bundle.part(0)) : null;
                Future<?> written = CompletableFuture.completedFuture(null);
                for (int part = 0; part < bundle.parts(); part++) {
                    Bundle records = await(next);
                    int following = part + 1;
                    next = following < bundle.parts() ? reading.submit(() -> bundle.part(following)) : null;
                    if (records.organizations().isEmpty()) {
                        continue;
                    }
                    EvaluationResult result = previous == null
                            ? evaluator.evaluateUnranked(new BundleData(records), period, asOf)
                            : evaluator.evaluateUnranked(new BundleData(records), period, asOf, previous);
                    records = null;
                    for (OrganizationResult organization : result.organizations()) {
                        slim.add(slim(organization));
                    }
                    await(written);
                    written = writing.submit(() -> {
                        for (OrganizationResult organization : result.organizations()) {
                            spill.organizations.add(organization.code(), organization);
                        }
                        spill.members.addRun(result.members());
                        spill.rectifications.addRun(result.rectifications());
                    });
                }
                await(written);
                spill.finishWriting();
                timer.done("evaluate (parts)");
                List<OrganizationResult> ranked = evaluator.rank(slim);
                slim = null;
                timer.done("rank");
                ResultJson.mapper().writeValue(out, new Streamed(window.period(), window.asOf(),
                        new EvaluationResult.RuleSetRef(evaluator.ruleSet().version(), evaluator.ruleSet().checksum()),
                        () -> new ReadAhead<>(new RankedOrganizations(ranked, spill.organizations), readingAhead),
                        () -> new ReadAhead<>(spill.members.merged(MemberResult.class, MEMBER_ORDER), readingAhead),
                        () -> new ReadAhead<>(spill.rectifications.merged(RectificationItem.class,
                                RectificationItem.LEDGER_ORDER), readingAhead)));
            } finally {
                // before the spill's files are deleted: nothing may still read or write them
                stop(reading, writing, readingAhead);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(daemon(name));
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The task's value; what it threw is thrown here as it was (an unchecked one). */
    static <T> T await(Future<T> task) {
        return Futures.get(task, "interrupted while evaluating a streamed bundle");
    }

    /** Interrupts what still runs (only after a failure) and waits until every thread has ended. */
    private static void stop(ExecutorService... executors) {
        for (ExecutorService executor : executors) {
            executor.shutdownNow();
        }
        boolean interrupted = false;
        for (ExecutorService executor : executors) {
            try {
                executor.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The result as {@link EvaluationResult} writes it (same properties in the same order), with its
     * lists read from the spill files while they are written.
     */
    record Streamed(String period, LocalDate asOf, EvaluationResult.RuleSetRef ruleSet,
            Iterable<OrganizationResult> organizations, Iterable<MemberResult> members,
            Iterable<RectificationItem> rectifications) {
    }

    /** What the district phase reads of an organization's result; the rest stays on disk. */
    private static OrganizationResult slim(OrganizationResult r) {
        return new OrganizationResult(r.code(), "", r.type(), r.parentCode(), 0, r.cohesion(), r.charisma(),
                r.combat(), r.composite(), r.inspectionScore(), r.tier(), List.of(), List.of(), r.flags(),
                r.movement(), List.of(), 0, 0, r.reasons(), List.of());
    }

    /** The full results in rank order, each read back and given its rank, ranking flags and reasons. */
    private static final class RankedOrganizations implements Iterator<OrganizationResult> {
        private final Iterator<OrganizationResult> ranked;
        private final ResultSpill.Records stored;

        RankedOrganizations(List<OrganizationResult> ranked, ResultSpill.Records stored) {
            this.ranked = ranked.iterator();
            this.stored = stored;
        }

        @Override
        public boolean hasNext() {
            return ranked.hasNext();
        }

        @Override
        public OrganizationResult next() {
            if (!ranked.hasNext()) {
                throw new NoSuchElementException();
            }
            OrganizationResult rank = ranked.next();
            OrganizationResult r = stored.read(rank.code(), OrganizationResult.class);
            return new OrganizationResult(r.code(), r.name(), r.type(), r.parentCode(), rank.rank(), r.cohesion(),
                    r.charisma(), r.combat(), r.composite(), r.inspectionScore(), r.tier(), r.weakTriggers(),
                    r.titles(), rank.flags(), r.movement(), r.explanation(), rank.rankInType(), rank.rankInParent(),
                    rank.reasons(), r.visits());
        }
    }
}
