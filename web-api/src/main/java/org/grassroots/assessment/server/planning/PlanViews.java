package org.grassroots.assessment.server.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a plan looks like to whoever may see it (only the visits he may see are in it). */
public final class PlanViews {

    private PlanViews() {
    }

    /** Whether a planned visit took place: 已完成, 待检查, 已过计划日期 (within the plan's range), 未完成 (the range is over). */
    public enum VisitState {
        DONE("已完成"), DUE("待检查"), OVERDUE("已过计划日期"), MISSED("未完成");

        private final String label;

        VisitState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * A planned visit's state on a day: done when a visit was recorded for it by then, missed once
         * the plan's range is over, overdue once its planned day has passed, due before.
         */
        static VisitState on(LocalDate day, boolean recorded, LocalDate plannedOn, LocalDate endsOn) {
            return recorded ? DONE : day.isAfter(endsOn) ? MISSED : day.isAfter(plannedOn) ? OVERDUE : DUE;
        }
    }

    public record Counts(int total, int done, int due, int missed, int unassigned) {
    }

    public record Summary(long id, String name, String rootOrgCode, String rootOrgName, LocalDate startsOn,
            LocalDate endsOn, PlanStatus status, String statusLabel, Counts counts) {
    }

    /**
     * @param visitId   the recorded visit that took place (the first of the organization in the range, a
     *                  covert one for a covert plan), or null
     */
    public record Visit(long id, String orgCode, String orgName, String township, String rule, LocalDate dueOn,
            String reason, boolean covert, String team, LocalDate plannedOn, VisitState state, String stateLabel,
            String visitId, LocalDate visitDate) {
    }

    public record Plan(Summary summary, String createdBy, Instant createdAt, String confirmedBy, Instant confirmedAt,
            long version, boolean lead, List<String> teams, List<Visit> visits) {
    }

    /** A planned visit in a calendar: the visit and its plan. */
    public record CalendarEntry(long planId, String planName, Visit visit) {
    }
}
