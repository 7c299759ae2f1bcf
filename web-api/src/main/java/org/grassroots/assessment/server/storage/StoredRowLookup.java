package org.grassroots.assessment.server.storage;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * How an upsert reads the stored rows it may replace: a few keys by {@code in (…)} lists, many by
 * reading the whole table (or period) once, which is cheaper than thousands of lookups, unless more
 * rows are stored than keys are given: then by lists again, so the rows held never outgrow the batch
 * (a district imported in parts of 10,000 organizations holds 5.4 million member records a period at
 * 90,000 organizations: read whole, they took more than a 1 GiB heap).
 */
public final class StoredRowLookup {

    /** Up to this many keys are looked up; more read everything. */
    public static final int LOOKUP_LIMIT = 2000;
    public static final int IN_LIST = 500;

    private StoredRowLookup() {
    }

    public static boolean lookUp(int keys) {
        return keys <= LOOKUP_LIMIT;
    }

    /**
     * Whether to look {@code keys} keys up rather than read every stored row: {@link #lookUp(int)}, or
     * when {@code storedMoreThan} says more rows are stored than that (asked only for many keys).
     */
    public static boolean lookUp(int keys, IntPredicate storedMoreThan) {
        return lookUp(keys) || storedMoreThan.test(keys);
    }

    /** Hands the keys on in chunks small enough for an {@code in (…)} list. */
    public static void inChunks(List<String> keys, Consumer<List<String>> chunk) {
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            chunk.accept(keys.subList(from, Math.min(keys.size(), from + IN_LIST)));
        }
    }
}
