package org.grassroots.assessment.evaluation;

import java.time.Duration;

/**
 * When a piece of rule work (an evaluation, a what-if, a scenario run) must have ended, and a way
 * to cancel it early: the evaluator checks it before every batch and on every rule firing, and the
 * caller waits no longer than it allows. One deadline may be shared by several evaluations (a
 * what-if runs two, a scenario run one per scenario); cancelling it stops them all. Safe to share
 * between threads.
 */
public final class Deadline {

    /** No limit: the work runs on the caller's thread for as long as it takes. */
    public static final Deadline NONE = new Deadline(null, null, 0);

    private final Duration limit;
    private final String work;
    private final long endNanos;
    private volatile boolean cancelled;

    private Deadline(Duration limit, String work, long endNanos) {
        this.limit = limit;
        this.work = work;
        this.endNanos = endNanos;
    }

    /**
     * A deadline {@code limit} from now for the work named by {@code work}, in users' words
     * (Chinese, the English in brackets), e.g. {@code 试算 (what-if)}.
     */
    public static Deadline after(Duration limit, String work) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a time limit must be positive: " + limit);
        }
        return new Deadline(limit, work, System.nanoTime() + limit.toNanos());
    }

    public boolean isLimited() {
        return limit != null;
    }

    /** The limit it was made with; null when unlimited. */
    public Duration limit() {
        return limit;
    }

    /** True once the time is up or the deadline was cancelled. */
    public boolean expired() {
        return limit != null && (cancelled || System.nanoTime() - endNanos >= 0);
    }

    /** Time left, zero once expired; unlimited deadlines have no time left to speak of (never call it on them). */
    public long remainingNanos() {
        return expired() ? 0 : Math.max(0, endNanos - System.nanoTime());
    }

    /** Ends the work early: every later check fails. */
    public void cancel() {
        if (limit != null) {
            cancelled = true;
        }
    }

    /** Throws the time-limit exception once expired. */
    public void check() {
        if (expired()) {
            throw exceeded(null);
        }
    }

    /** The exception that says the work ran out of time; {@code lastRule} the rule that fired last, if known. */
    public ExecutionStoppedException exceeded(String lastRule) {
        return ExecutionStoppedException.timeLimit(work, limit, lastRule);
    }

    @Override
    public String toString() {
        return limit == null ? "no deadline" : work + " within " + limit;
    }
}
