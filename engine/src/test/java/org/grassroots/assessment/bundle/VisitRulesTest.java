package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.assessment.bundle.TestBundles.MAPPER;
import static org.grassroots.assessment.bundle.TestBundles.TODAY;
import static org.grassroots.assessment.bundle.TestBundles.problems;
import static org.grassroots.assessment.bundle.TestBundles.validBundle;
import static org.grassroots.assessment.bundle.TestBundles.visit;
import static org.grassroots.assessment.bundle.TestBundles.with;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Visit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.node.ObjectNode;

/** Visit dates, rectification states, and reading one visit on its own. */
class VisitRulesTest {

    @Test
    void rejectsVisitsDatedAfterToday() {
        // TestBundles.TODAY is 2026-07-15.
        assertThat(problems(with(validBundle(), "/visits/0/date", "2026-07-16"))).containsExactly(
                new Problem("/visits/0/date", "must not be after today (2026-07-15), got 2026-07-16"));
    }

    @Test
    void acceptsAVisitDatedToday() throws Exception {
        ObjectNode bundle = with(validBundle(), "/visits/0/date", "2026-07-15");
        assertThat(read(bundle).date()).isEqualTo(LocalDate.of(2026, 7, 15));
    }

    @ParameterizedTest
    @CsvSource({"2026-02-30", "2026-7-15", "15.07.2026", "+2026-07-15", "2026-07-15T10:00"})
    void rejectsDatesThatAreNotIsoDates(String date) {
        assertThat(problems(with(validBundle(), "/visits/0/date", date))).containsExactly(
                new Problem("/visits/0/date", "must be a date yyyy-MM-dd, got \"" + date + "\""));
    }

    @Test
    void readsLocation() throws Exception {
        ObjectNode bundle = with(validBundle(), "/visits/0/location", MAPPER.readTree("{\"lat\": 31.2, \"lon\": -180}"));
        assertThat(read(bundle).location()).isEqualTo(new GeoLocation(31.2, -180));
        with(bundle, "/visits/0/location/lon", 180.5);
        assertThat(problems(bundle)).containsExactly(
                new Problem("/visits/0/location/lon", "must be between -180 and 180, got 180.5"));
    }

    /** Visit on 2026-05-01; "-" stands for an absent date. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            OPEN      | -          | -          | -
            SUBMITTED | 2026-05-01 | -          | -
            VERIFIED  | 2026-05-02 | 2026-05-02 | -
            OPEN      | 2026-05-02 | -          | submittedOn: must be absent when status is OPEN
            OPEN      | -          | 2026-05-02 | verifiedOn: must be absent when status is OPEN
            SUBMITTED | -          | -          | submittedOn: is required when status is SUBMITTED
            SUBMITTED | 2026-05-02 | 2026-05-03 | verifiedOn: must be absent when status is SUBMITTED
            VERIFIED  | 2026-05-02 | -          | verifiedOn: is required when status is VERIFIED
            VERIFIED  | -          | 2026-05-02 | submittedOn: is required when status is VERIFIED
            SUBMITTED | 2026-04-30 | -          | submittedOn: must not be before the visit date (2026-05-01), got 2026-04-30
            VERIFIED  | 2026-05-03 | 2026-05-02 | verifiedOn: must not be before submittedOn (2026-05-03), got 2026-05-02
            WITHDRAWN | -          | -          | status: must be one of OPEN, SUBMITTED, VERIFIED, got "WITHDRAWN"
            """)
    void acceptsOnlyTheRectificationCombinationsOfTheFormat(String status, String submittedOn, String verifiedOn,
                                                            String expected) throws Exception {
        ObjectNode rectification = MAPPER.createObjectNode();
        rectification.put("status", status);
        if (submittedOn != null) {
            rectification.put("submittedOn", submittedOn);
        }
        if (verifiedOn != null) {
            rectification.put("verifiedOn", verifiedOn);
        }
        ObjectNode bundle = with(validBundle(), "/visits/0/findings/0/rectification", rectification);
        if (expected == null) {
            assertThat(read(bundle).findings().get(0).rectification()).isEqualTo(new ImportedRectification(
                    RectificationStatus.valueOf(status), date(submittedOn), date(verifiedOn)));
        } else {
            String base = "/visits/0/findings/0/rectification/";
            int colon = expected.indexOf(": ");
            assertThat(problems(bundle)).containsExactly(
                    new Problem(base + expected.substring(0, colon), expected.substring(colon + 2)));
        }
    }


    @Test
    void reportsBothDatesBeforeTheVisit() {
        ObjectNode rectification = MAPPER.createObjectNode();
        rectification.put("status", "VERIFIED");
        rectification.put("submittedOn", "2026-04-29");
        rectification.put("verifiedOn", "2026-04-30");
        ObjectNode bundle = with(validBundle(), "/visits/0/findings/0/rectification", rectification);
        String base = "/visits/0/findings/0/rectification/";
        assertThat(problems(bundle)).containsExactly(
                new Problem(base + "submittedOn", "must not be before the visit date (2026-05-01), got 2026-04-29"),
                new Problem(base + "verifiedOn", "must not be before the visit date (2026-05-01), got 2026-04-30"));
    }
    @Test
    void checksRectificationDatesAgainstTheVisitDateOnlyWhenItIsValid() {
        ObjectNode bundle = with(validBundle(), "/visits/0/date", "2026-13-01");
        with(bundle, "/visits/0/findings/0/rectification",
                MAPPER.readTree("{\"status\": \"SUBMITTED\", \"submittedOn\": \"2020-01-01\"}"));
        assertThat(TestBundles.paths(problems(bundle))).containsExactly("/visits/0/date");
    }

    // --- one visit on its own -------------------------------------------------------------------

    private static final StoredRecords STORE_WITH_V_A = StoredRecords.organizations(
            code -> code.equals("V-A") ? Optional.of(new StoredRecords.StoredOrganization("V-A", "XQ")) : Optional.empty());

    private static final BundleReader SERVER = new BundleReader(TODAY, STORE_WITH_V_A);

    @Test
    void readsOneVisit() throws Exception {
        ObjectNode json = visit("VS-7", "V-A", "2026-07-01");
        json.putArray("findings").add(MAPPER.readTree(
                "{\"item\": \"C12\", \"deduction\": 5, \"severity\": \"MINOR\", \"evidence\": [\"a.jpg\"]}"));
        Visit visit = SERVER.readVisit(new ByteArrayInputStream(MAPPER.writeValueAsBytes(json)));
        assertThat(visit.visitId()).isEqualTo("VS-7");
        assertThat(visit.findings().get(0).deduction()).isEqualTo(5);
        assertThat(visit.findings().get(0).evidence()).containsExactly("a.jpg");
    }

    @Test
    void reportsProblemsOfOneVisitRelativeToIt() {
        String json = """
                {"visitId": "VS-7", "orgCode": "V-X", "date": "2026-07-01", "mode": "SECRET", "team": "组",
                 "inspectors": ["王明"], "findings": [{"item": "C1"}, {"item": "C02", "rectificaton": {}}]}
                """;
        assertThatThrownBy(() -> SERVER.readVisit(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(BundleValidationException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("/orgCode", "unknown organization \"V-X\""),
                        new Problem("/mode", "must be one of OPEN, COVERT, got \"SECRET\""),
                        new Problem("/findings/0/item", "must be a checklist item C01–C12, got \"C1\""),
                        new Problem("/findings/1/rectificaton",
                                "unknown field \"rectificaton\" (did you mean \"rectification\"?)")))
                .hasMessageStartingWith("4 problems; first: /orgCode: unknown organization");
    }

    @Test
    void rejectsASingleVisitThatIsNotAnObject() {
        assertThatThrownBy(() -> SERVER.readVisit(new ByteArrayInputStream("[1]".getBytes())))
                .isInstanceOfSatisfying(BundleValidationException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("", "must be an object, got an array")));
    }

    private static Visit read(ObjectNode bundle) throws BundleValidationException {
        List<Visit> visits = TestBundles.READER.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(bundle))).visits();
        return visits.get(0);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
