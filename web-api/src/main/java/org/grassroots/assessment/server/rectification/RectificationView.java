package org.grassroots.assessment.server.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.rectification.StepKind;
import tools.jackson.core.type.TypeReference;

/** A ledger item as the API shows it: its status and overdue as of a date, and every step. */
public record RectificationView(
        long id,
        String orgCode,
        RectificationSource source,
        String rule,
        String period,
        String visitId,
        Integer position,
        String description,
        LocalDate deadline,
        RectificationStatus status,
        boolean overdue,
        List<Step> steps) {

    public record Step(long id, StepKind kind, LocalDate date, Instant recordedAt, String actor, String note,
            List<String> evidence) {
    }

    /** Shown instead of the names of the staff who took a step, to an organization's representative. */
    public static final String HIDDEN_ACTOR = "（工作人员）";

    /** The same item with every step's actor hidden but the given user's own. */
    public RectificationView withActorsHiddenExcept(String username) {
        List<Step> shown = steps.stream()
                .map(s -> s.actor() == null || s.actor().equals(username) ? s
                        : new Step(s.id(), s.kind(), s.date(), s.recordedAt(), HIDDEN_ACTOR, s.note(), s.evidence()))
                .toList();
        return new RectificationView(id, orgCode, source, rule, period, visitId, position, description, deadline,
                status, overdue, shown);
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    public static RectificationView of(LedgerItem item, LocalDate asOf) {
        List<Step> steps = item.steps().stream()
                .map(s -> new Step(s.id(), s.kind(), s.date(), s.recordedAt(), s.actor(), s.note(), evidence(s)))
                .toList();
        return new RectificationView(item.id(), item.orgCode(), item.source(), item.rule(), item.period(),
                item.visitId(), item.position(), item.description(), item.deadline(), item.statusAsOf(asOf),
                item.overdueAsOf(asOf), steps);
    }

    private static List<String> evidence(LedgerStep step) {
        return step.evidenceJson() == null ? List.of() : ResultJson.mapper().readValue(step.evidenceJson(), STRINGS);
    }
}
