package org.grassroots.assessment.bundle;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.model.VisitMode;

/** The JSON form of an inspection visit (bundle visits[], and the body of {@code POST /api/visits}). */
final class VisitFormat {

    static final KnownFields FIELDS = KnownFields.of(
            "visitId", "orgCode", "date", "mode", "team", "inspectors", "location", "findings");
    private static final KnownFields LOCATION_FIELDS = KnownFields.of("lat", "lon");

    private VisitFormat() {
    }

    /**
     * Checks one visit object; the result is meaningful only if nothing was reported.
     *
     * @param today the visit date must not be after it
     */
    static Visit read(ObjectFields f, LocalDate today) {
        String visitId = f.code("visitId");
        String orgCode = f.code("orgCode");
        LocalDate date = f.date("date");
        if (date != null && date.isAfter(today)) {
            f.problem("date", "must not be after today (" + today + "), got " + date);
        }
        VisitMode mode = f.enumValue("mode", VisitMode.class);
        String team = f.text("team", 1, 100);
        List<String> inspectors = f.strings("inspectors", 1, 20, true);
        GeoLocation location = location(f.object("location", LOCATION_FIELDS));
        LocalDate visitDate = f.valid("date") ? date : null;
        List<Finding> findings = f.objects("findings", 0, 100, FindingFormat.FIELDS).stream()
                .map(finding -> FindingFormat.read(finding, visitDate))
                .toList();
        return new Visit(visitId, orgCode, date, mode, team, inspectors, location, findings);
    }

    private static GeoLocation location(ObjectFields f) {
        if (f == null) {
            return null;
        }
        return new GeoLocation(f.number("lat", -90, 90), f.number("lon", -180, 180));
    }
}
