package org.grassroots.assessment.server.organization;

import java.util.List;
import java.util.function.Consumer;

/**
 * How an upsert reads the stored rows it may replace: a few keys by {@code in (…)} lists, many by
 * reading the whole table (or period) once, which is cheaper than thousands of lookups.
 */
final class StoredRowLookup {

    /** Up to this many keys are looked up; more read everything. */
    static final int LOOKUP_LIMIT = 2000;
    static final int IN_LIST = 500;

    private StoredRowLookup() {
    }

    static boolean lookUp(int keys) {
        return keys <= LOOKUP_LIMIT;
    }

    /** Hands the keys on in chunks small enough for an {@code in (…)} list. */
    static void inChunks(List<String> keys, Consumer<List<String>> chunk) {
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            chunk.accept(keys.subList(from, Math.min(keys.size(), from + IN_LIST)));
        }
    }
}
