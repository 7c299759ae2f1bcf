package org.grassroots.assessment.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All problems of one bundle read, kept with the place of their record so that problems found after
 * the pass (references, counts, cycles) can be merged into document order.
 */
final class ProblemLog {

    /** {@code section} is the position of the top-level member, {@code record} -1 for the member itself. */
    private record Entry(int section, int record, Problem problem) {
    }

    private static final Comparator<Entry> DOCUMENT_ORDER =
            Comparator.comparingInt(Entry::section).thenComparingInt(Entry::record);

    private final List<Entry> entries = new ArrayList<>();

    void add(int section, int record, Problem problem) {
        entries.add(new Entry(section, record, problem));
    }

    void addAll(int section, int record, List<Problem> problems) {
        for (Problem problem : problems) {
            add(section, record, problem);
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Sorted by record; within a record the order of finding is kept (sorting is stable). */
    List<Problem> inDocumentOrder() {
        return entries.stream().sorted(DOCUMENT_ORDER).map(Entry::problem).toList();
    }
}
