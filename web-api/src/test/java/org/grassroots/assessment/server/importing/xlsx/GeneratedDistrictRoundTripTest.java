package org.grassroots.assessment.server.importing.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
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

/** Export → import on a generated district (imported as JSON first), both years, field by field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + GeneratedDistrictRoundTripTest.DATA_DIR, "assessment.demo=false"})
class GeneratedDistrictRoundTripTest {

    static final String DATA_DIR = "target/test-data/xlsx-round-trip-generated";

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
    void exporting_a_generated_district_and_importing_the_workbook_gives_back_the_same_data() {
        Api.Reply loaded = new Api(port).post("/api/import", SyntheticBundleGenerator.bytes(150, 7));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        RoundTrip trip = new RoundTrip(port, layouts, organizations, facts, members, visits);
        assertThat(trip.check(Period.parse("2026"))).isGreaterThan(150);
        assertThat(trip.check(Period.parse("2025"))).isGreaterThan(150);
    }
}
