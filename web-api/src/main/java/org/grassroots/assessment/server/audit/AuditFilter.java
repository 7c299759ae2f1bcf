package org.grassroots.assessment.server.audit;

import java.time.Instant;

/**
 * Which entries to list; a null field does not filter. {@code target} matches exactly (and the
 * targets below it, {@code visit:V-1} also matches {@code visit:V-1/findings/0}), or as a plain
 * prefix when {@code targetPrefix}. {@code from} is inclusive, {@code toExclusive} exclusive.
 */
record AuditFilter(String actor, String action, String target, boolean targetPrefix, Instant from,
        Instant toExclusive) {
}
