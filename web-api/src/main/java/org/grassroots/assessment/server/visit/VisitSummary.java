package org.grassroots.assessment.server.visit;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.model.VisitMode;

/**
 * One line of a visit list: the visit without its findings' details, and the reasons it is in doubt
 * ({@code doubts}, 位置或时间存疑, PL-04; empty when it is not).
 */
public record VisitSummary(
        String visitId,
        String orgCode,
        LocalDate date,
        VisitMode mode,
        String team,
        List<String> inspectors,
        int findings,
        int withdrawnFindings,
        List<String> doubts) {

    static VisitSummary of(StoredVisit stored, List<String> doubts) {
        Visit v = stored.visit();
        int withdrawn = (int) stored.findings().stream().filter(StoredFinding::withdrawn).count();
        return new VisitSummary(v.visitId(), v.orgCode(), v.date(), v.mode(), v.team(), v.inspectors(),
                stored.findings().size(), withdrawn, doubts);
    }
}
