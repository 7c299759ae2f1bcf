package org.grassroots.assessment.server.storage;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value read from the database once and kept while the stamp of what it was read from holds: each
 * use reads the stamp (cheap: a few counts), and a stamp other than the kept one (any write, on any
 * instance) reads the value again. The value is read after its stamp, so a write in between leaves a
 * newer value under an older stamp, which the next use's stamp no longer matches: it is read again
 * then, never kept stale. Callers at the same time may each read it; every caller gets a value read
 * at or after the stamp it read, the last one read is kept.
 *
 * @param <S> the stamp (compared by {@code equals})
 * @param <V> the value kept
 */
public final class Stamped<S, V> {

    /** A value with the stamp read before it. */
    public record Held<S, V>(S stamp, V value) {
    }

    private final Supplier<S> stamp;
    private final Function<S, V> read;
    private final AtomicReference<Held<S, V>> held = new AtomicReference<>();

    /**
     * @param stamp reads the current stamp
     * @param read  reads the value (after the stamp it is given was read)
     */
    public Stamped(Supplier<S> stamp, Function<S, V> read) {
        this.stamp = Objects.requireNonNull(stamp);
        this.read = Objects.requireNonNull(read);
    }

    /** The value as of the current stamp: the kept one when the stamp is the same, else read again. */
    public V get() {
        return held().value();
    }

    /** The value as of the current stamp, with that stamp (read once). */
    public Held<S, V> held() {
        return held(stamp.get());
    }

    /** The value as of a stamp the caller has just read (so that one use reads the stamp once). */
    public Held<S, V> held(S current) {
        Objects.requireNonNull(current, "stamp");
        Held<S, V> kept = held.get();
        if (kept != null && kept.stamp().equals(current)) {
            return kept;
        }
        Held<S, V> fresh = new Held<>(current, read.apply(current));
        held.set(fresh);
        return fresh;
    }
}
