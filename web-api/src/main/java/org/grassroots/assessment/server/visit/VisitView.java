package org.grassroots.assessment.server.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.ruleset.RuleCatalog;

/**
 * A stored visit with its findings, the time and place its photos' files embed ({@code photos}, those
 * that carry either), the reasons it is in doubt ({@code doubts}, 位置或时间存疑, PL-04: empty when it is
 * not), and {@code resultUrl}: the organization's result for the year of the visit, re-evaluated with it.
 */
@JsonPropertyOrder({"visitId", "orgCode", "date", "mode", "team", "inspectors", "location", "photos", "doubts", "findings",
        "contentDigest", "recordedAt", "recordedBy", "resultUrl"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitView(
        String visitId,
        String orgCode,
        LocalDate date,
        VisitMode mode,
        String team,
        List<String> inspectors,
        GeoLocation location,
        List<VisitPhoto> photos,
        List<String> doubts,
        List<FindingView> findings,
        String contentDigest,
        OffsetDateTime recordedAt,
        String recordedBy,
        String resultUrl) {

    static VisitView of(StoredVisit stored, RuleCatalog catalog, Map<Integer, Long> itemIds, List<VisitPhoto> photos,
            List<String> doubts) {
        Visit v = stored.visit();
        List<FindingView> findings = stored.findings().stream()
                .map(f -> FindingView.of(f, catalog, itemIds.get(f.position())))
                .toList();
        return new VisitView(v.visitId(), v.orgCode(), v.date(), v.mode(), v.team(), v.inspectors(), v.location(),
                photos, doubts, findings, stored.contentDigest(), stored.recordedAt(), stored.recordedBy(), resultUrl(v));
    }

    /** Where the organization's result for the year of the visit is (re-)evaluated. */
    public static String resultUrl(Visit visit) {
        return "/api/organizations/" + visit.orgCode() + "/result?period=" + visit.date().getYear();
    }
}
