package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.util.List;

/** Date functions for the planning rules ({@code import function}): no policy, only which day is later. */
public final class Planning {

    private Planning() {
    }

    /** The latest of the start and the dates (a list of {@link LocalDate}, as collectList gives it). */
    public static LocalDate latest(LocalDate start, List<?> dates) {
        LocalDate latest = start;
        for (Object d : dates) {
            if (d instanceof LocalDate date && date.isAfter(latest)) {
                latest = date;
            }
        }
        return latest;
    }

    /** The latest of the dates, or the fallback when there is none. */
    public static LocalDate lastOr(LocalDate fallback, List<?> dates) {
        LocalDate last = null;
        for (Object d : dates) {
            if (d instanceof LocalDate date && (last == null || date.isAfter(last))) {
                last = date;
            }
        }
        return last == null ? fallback : last;
    }
}
