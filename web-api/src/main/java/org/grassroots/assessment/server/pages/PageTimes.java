package org.grassroots.assessment.server.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times on the pages and in the report, all in one zone: the application's ({@code assessment.zone},
 * default Asia/Shanghai; the same zone that decides "today"), each shown with its offset, so a page
 * never mixes the server's zone with the office's. Templates call it as {@code @pageTimes.format(t)}.
 */
@Component("pageTimes")
public class PageTimes {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    PageTimes(Clock clock) {
        this.zone = clock.getZone();
    }

    /** "2026-12-05 20:15（UTC+08:00）"; an empty text for no time. */
    public String format(Instant time) {
        if (time == null) {
            return "";
        }
        ZonedDateTime local = time.atZone(zone);
        return MINUTES.format(local) + "（UTC" + offset(local) + "）";
    }

    public String format(OffsetDateTime time) {
        return time == null ? "" : format(time.toInstant());
    }

    public String format(ZonedDateTime time) {
        return time == null ? "" : format(time.toInstant());
    }

    /** The zone's name as users read it, e.g. "Asia/Shanghai（UTC+08:00）". */
    public String zone() {
        return zone.getId() + "（UTC" + offset(ZonedDateTime.now(zone)) + "）";
    }

    private static String offset(ZonedDateTime time) {
        String id = time.getOffset().getId();
        return "Z".equals(id) ? "+00:00" : id;
    }
}
