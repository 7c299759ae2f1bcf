package org.grassroots.assessment.server.importing.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.organization.MemberRepository;
import org.grassroots.assessment.server.organization.OrganizationRepository;
import org.grassroots.assessment.server.organization.PeriodFactsRepository;
import org.grassroots.assessment.server.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Export → import on the demo district, both of its years, field by field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + WorkbookRoundTripTest.DATA_DIR, "assessment.demo=true"})
class WorkbookRoundTripTest {

    static final String DATA_DIR = "target/test-data/xlsx-round-trip";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;
    @Autowired
    WorkbookLayouts layouts;
    @Autowired
    OrganizationRepository organizations;
    @Autowired
    PeriodFactsRepository facts;
    @Autowired
    MemberRepository members;
    @Autowired
    VisitService visits;

    @Test
    void exporting_the_demo_district_and_importing_the_workbook_gives_back_the_same_data() {
        RoundTrip.awaitReady(port);
        RoundTrip trip = new RoundTrip(port, layouts, organizations, facts, members, visits);
        assertThat(trip.check(Period.parse("2026"))).isGreaterThan(1800);
        assertThat(trip.check(Period.parse("2025"))).isGreaterThan(1800);
    }

    @Test
    void an_unknown_period_is_refused() {
        BinaryApi.Reply reply = new BinaryApi(port).get("/api/import/export.xlsx?period=2026-Q5");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("path").asString()).isEqualTo("/period");
    }
}
