package org.grassroots.assessment.server.rectification;

import java.util.HashMap;
import java.util.Map;

/**
 * Equal values of one read made one object: the whole ledger of a province is kept in memory
 * ({@link LedgerSnapshot}), and its rows repeat the same few hundred dates, the same organization
 * codes, rule ids and texts over a million times. At 100,668 organizations (1,166,920 items,
 * 1,491,132 steps) the kept ledger took about 550 MB of a 1 GiB heap, 4.4 million of its objects
 * {@code LocalDate}s (BENCHMARKS.md, the district step).
 */
final class Canonical {

    private final Map<Object, Object> seen = new HashMap<>();

    /** The first value read equal to this one (this one when it is the first); null for null. */
    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null) {
            return null;
        }
        Object kept = seen.putIfAbsent(value, value);
        return kept == null ? value : (T) kept;
    }
}
