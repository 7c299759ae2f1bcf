package org.grassroots.assessment.server.pages.rules;

import java.util.List;
import java.util.Objects;
import org.grassroots.assessment.server.ruleset.WhatIfReport;
import org.grassroots.assessment.server.ruleset.WhatIfReport.Changed;

/**
 * The what-if table as the page shows it: the organizations that changed, counted by what changed
 * (tier, rank, composite score), and the rows the chosen filter keeps. The summary counts exactly the
 * rows the table can show.
 */
public record WhatIfView(WhatIfReport report, String show, List<Changed> rows, int changed, int tierChanged,
        int rankChanged, int scoreChanged) {

    /** The filters: every changed organization, or those whose tier, rank or composite changed. */
    static final List<String> FILTERS = List.of("all", "tier", "rank", "score");

    static WhatIfView of(WhatIfReport report, String show) {
        String filter = FILTERS.contains(show) ? show : "all";
        List<Changed> changed = report.changed();
        List<Changed> rows = changed.stream().filter(c -> keeps(filter, c)).toList();
        return new WhatIfView(report, filter, rows, changed.size(),
                (int) changed.stream().filter(WhatIfView::tierChanged).count(),
                (int) changed.stream().filter(WhatIfView::rankChanged).count(),
                (int) changed.stream().filter(WhatIfView::scoreChanged).count());
    }

    /** Whether the row's tier changed (the page marks it). */
    public boolean isTierChange(Changed c) {
        return tierChanged(c);
    }

    /** Whether the row's rank changed (the page marks it). */
    public boolean isRankChange(Changed c) {
        return rankChanged(c);
    }

    private static boolean keeps(String filter, Changed c) {
        return switch (filter) {
            case "tier" -> tierChanged(c);
            case "rank" -> rankChanged(c);
            case "score" -> scoreChanged(c);
            default -> true;
        };
    }

    public static boolean tierChanged(Changed c) {
        return c.before() == null || c.after() == null || !Objects.equals(c.before().tier(), c.after().tier());
    }

    public static boolean rankChanged(Changed c) {
        return c.before() == null || c.after() == null || c.before().rank() != c.after().rank();
    }

    public static boolean scoreChanged(Changed c) {
        return c.before() == null || c.after() == null
                || Double.compare(c.before().composite(), c.after().composite()) != 0;
    }
}
