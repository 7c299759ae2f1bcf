package org.grassroots.assessment.server.pages.inspection;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.grassroots.assessment.server.planning.InspectionPlanning;
import org.grassroots.assessment.server.planning.PlanViews;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.web.DateBounds;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inspector's calendar (督查日历, issue 16): the planned visits of a month he may see (his team's;
 * a lead's: every team's), as a month grid from Monday to Sunday on a desktop and as a list of the
 * days with visits on a phone (the same table, laid out by the style sheet). Everyone but an
 * inspector gets 404 from {@link InspectionPlanning#calendar}, as for the plans themselves; a month
 * that cannot be read shows the current one with a message (never a 400 that would tell them apart).
 */
@Controller
class PlanCalendarPage {

    static final List<String> WEEKDAYS = List.of("一", "二", "三", "四", "五", "六", "日");

    /** A day of the grid: outside the month (a blank cell), or a day of it with its planned visits. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<PlanViews.CalendarEntry> entries) {

        /** The day spelled out, e.g. 12月5日 星期六. */
        public String label() {
            return date.getMonthValue() + "月" + date.getDayOfMonth() + "日 星期" + WEEKDAYS.get(date.getDayOfWeek().getValue() - 1);
        }
    }

    private final InspectionPlanning planning;
    private final Clock clock;

    PlanCalendarPage(InspectionPlanning planning, Clock clock) {
        this.planning = planning;
        this.clock = clock;
    }

    @GetMapping("/inspection/calendar")
    String calendar(@RequestParam(required = false) String month, @AuthenticationPrincipal SignedInUser user,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        YearMonth shown = YearMonth.from(today);
        if (month != null && !month.isBlank()) {
            try {
                YearMonth asked = YearMonth.parse(month.strip());
                if (DateBounds.holds(asked.atDay(1)) && DateBounds.holds(asked.atEndOfMonth())) {
                    shown = asked;
                } else {
                    model.addAttribute("monthError", DateBounds.message(asked) + "；显示本月");
                }
            } catch (DateTimeParseException e) {
                model.addAttribute("monthError", "月份应写作 年-月，如 " + shown + "；显示本月");
            }
        }
        List<PlanViews.CalendarEntry> entries = planning.calendar(shown, user);
        Map<LocalDate, List<PlanViews.CalendarEntry>> byDay = entries.stream()
                .collect(Collectors.groupingBy(e -> e.visit().plannedOn()));
        model.addAttribute("month", shown);
        model.addAttribute("monthLabel", label(shown));
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("weeks", weeks(shown, today, byDay));
        model.addAttribute("total", entries.size());
        model.addAttribute("current", shown.equals(YearMonth.from(today)));
        YearMonth previous = shown.minusMonths(1);
        YearMonth next = shown.plusMonths(1);
        model.addAttribute("previous", DateBounds.holds(previous.atDay(1)) ? previous : null);
        model.addAttribute("previousLabel", label(previous));
        model.addAttribute("next", DateBounds.holds(next.atEndOfMonth()) ? next : null);
        model.addAttribute("nextLabel", label(next));
        return "inspection/calendar";
    }

    /** The weeks that hold the month, Monday first; the days of the neighbouring months are blank. */
    static List<List<Day>> weeks(YearMonth month, LocalDate today, Map<LocalDate, List<PlanViews.CalendarEntry>> byDay) {
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate day = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        while (!day.isAfter(last)) {
            List<Day> week = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                boolean inMonth = YearMonth.from(day).equals(month);
                week.add(new Day(day, inMonth, inMonth && day.equals(today),
                        inMonth ? byDay.getOrDefault(day, List.of()) : List.of()));
                day = day.plusDays(1);
            }
            weeks.add(week);
        }
        return weeks;
    }

    private static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }
}
