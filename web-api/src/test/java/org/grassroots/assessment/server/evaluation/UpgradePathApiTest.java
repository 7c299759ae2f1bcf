package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18 section 1 over HTTP on the worked example as of mid-2026: every organization gets a path
 * to the next tier or a reason; each path starts from the tier of its current result; the changes of
 * each path, written into the organization's facts through the API, give the promised tier in its
 * current result. A target that is no tier is a 400; an unknown organization a 404. An organization
 * held by W-09 (整改不力) this year gets a path through submitting its overdue item (UP-08); submitted
 * through the rectification API, its current result shows the promised tier.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assessment.data-dir=" + UpgradePathApiTest.DATA_DIR, "assessment.demo=false"})
class UpgradePathApiTest {

    static final String DATA_DIR = "target/test-data/evaluation-upgrade-path";
    private static final List<String> TIERS = List.of("WEAK", "AVERAGE", "GOOD", "ADVANCED");
    private static final String AS_OF = "period=2026&asOf=2026-06-30";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @BeforeAll
    static void freshDatabase() {
        ApiClient.deleteDataDir(DATA_DIR);
    }

    @Test
    void every_path_applied_through_the_api_gives_the_promised_tier() {
        ApiClient api = new ApiClient(port);
        api.importWorkedExample();
        int reachable = 0;
        int checked = 0;
        for (JsonNode org : api.get("/api/organizations?flat=true").json()) {
            String code = org.get("code").asString();
            ApiClient.Response reply = api.get("/api/organizations/" + code + "/upgrade-path?" + AS_OF);
            if (reply.status() == 404) {
                continue; // no facts for 2026
            }
            assertThat(reply.status()).as(code + ": " + reply.body()).isEqualTo(200);
            checked++;
            JsonNode path = reply.json();
            String from = path.get("fromTier").asString();
            assertThat(from).as(code).isEqualTo(tier(api, code));
            assertThat(path.get("period").asString()).isEqualTo("2026");
            assertThat(path.get("reason").asString()).as(code).isNotBlank();
            if (from.equals("ADVANCED")) {
                continue;
            }
            String target = path.get("target").asString();
            assertThat(TIERS.indexOf(target)).as(code).isEqualTo(TIERS.indexOf(from) + 1);
            if (!path.get("reachable").asBoolean()) {
                assertThat(path.get("changes")).isEmpty();
                assertThat(path.get("reason").asString()).startsWith("本期内无法达到");
                continue;
            }
            reachable++;
            ObjectNode facts = (ObjectNode) api.get("/api/organizations/" + code + "/facts/2026").json();
            for (JsonNode c : path.get("changes")) {
                String fact = c.get("fact").asString();
                assertThat(facts.get(fact).toString()).as(code + " " + fact).isEqualTo(c.get("from").toString());
                assertThat(c.get("rules")).as(code + " " + fact).isNotEmpty();
                facts.set(fact, c.get("to"));
            }
            ApiClient.Response put = api.put("/api/organizations/" + code + "/facts/2026", facts.toString());
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(tier(api, code)).as(code + " with the changes").isEqualTo(path.get("resultTier").asString());
            assertThat(TIERS.indexOf(tier(api, code))).as(code).isGreaterThanOrEqualTo(TIERS.indexOf(target));
        }
        assertThat(checked).as("organizations with 2026 facts").isPositive();
        assertThat(reachable).as("organizations with a path").isPositive();

        assertThat(api.get("/api/organizations/V-SHIQIAO/upgrade-path?period=2026&target=BEST").status()).isEqualTo(400);
        assertThat(api.get("/api/organizations/NO-SUCH/upgrade-path?period=2026").status()).isEqualTo(404);
        JsonNode advanced = api.get("/api/organizations/V-SHIQIAO/upgrade-path?" + AS_OF + "&target=ADVANCED").json();
        assertThat(advanced.get("target").asString()).isEqualTo("ADVANCED");
    }

    @Test
    void a_path_through_an_overdue_critical_item_submitted_through_the_api_gives_the_promised_tier() {
        // the submit step is dated today by the server, so the path is asked as of today, in this year
        LocalDate today = LocalDate.now(clock);
        assumeTrue(today.getDayOfYear() < today.lengthOfYear(), "the last day of the year leaves nothing to do");
        String year = String.valueOf(today.getYear());
        String code = "V-UPGRADE-RECT";
        ApiClient api = new ApiClient(port);
        // an exemplary village this year with a CRITICAL finding (C04, due visit + 7 days) left OPEN
        String bundle = """
                {"organizations": [{"code": "%s", "name": "整改晋位村党支部", "type": "VILLAGE", "level": "BRANCH",
                  "parentCode": null, "hasPartyGroups": false}],
                 "periodFacts": [{"orgCode": "%s", "period": "%s", "branchGeneralMeetings": 4, "committeeMeetings": 12,
                  "partyGroupMeetings": 0, "partyLectures": 4, "themePartyDays": 12, "studyDays": 12,
                  "villageCommitteeMeetings": 52, "volunteerActivities": 12, "organizationalLifeMeetingHeld": true,
                  "democraticReviewHeld": true, "studyAttendanceRate": 0.98, "members": 12, "newMembers": 2,
                  "yearsSinceLastNewMember": 0, "floatingMembers": 0, "floatingMembersInContact": 0,
                  "floatingLedgerUpToDate": true, "secretaryVacantMonths": 0, "committeeSeatsRequired": 5,
                  "committeeSeatsFilled": 5, "disciplineCasesLeadership": 0, "disciplineCasesMembers": 0,
                  "hasServiceCenter": true, "centerSignage": true, "centerAppearance": true, "centerEquipment": true,
                  "centerAtmosphere": true, "integrationWorkingBody": false, "integrationCrossAppointment": false,
                  "integrationSharedVenue": false, "integrationJointActivities": false, "integrationJointSystems": false,
                  "reserveFundBalanceYuan": 0, "guideAssigned": false, "contactPointAssigned": true,
                  "firstSecretaryAssigned": true, "collectiveIncomeYuan": 310000, "disputesUnresolved": 0,
                  "petitionsRepeated": 0, "massSatisfaction": 0.96, "demonstrationLevel": "NONE"}],
                 "members": [],
                 "visits": [{"visitId": "UPR-1", "orgCode": "%s", "date": "%s", "mode": "OPEN", "team": "第一督查组",
                  "inspectors": ["王明"], "findings": [{"item": "C04"}]}]}
                """.formatted(code, code, year, code, today.minusDays(20));
        ApiClient.Response imported = api.post("/api/import", bundle);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String current = "/api/organizations/" + code + "/result?period=" + year;
        JsonNode before = api.get(current).json().get("result");
        assertThat(before.get("tier").asString()).isEqualTo("WEAK");
        assertThat(before.get("weakTriggers").toString()).isEqualTo("[\"W-09\"]");

        JsonNode path = api.get("/api/organizations/" + code + "/upgrade-path?period=" + year).json();
        assertThat(path.get("reachable").asBoolean()).as(path.toString()).isTrue();
        assertThat(path.get("target").asString()).isEqualTo("AVERAGE");
        List<String> items = new ArrayList<>();
        for (JsonNode c : path.get("changes")) {
            String fact = c.get("fact").asString();
            assertThat(fact).as(path.toString()).startsWith("rectification:");
            assertThat(c.get("from").asString()).isEqualTo("OPEN");
            assertThat(c.get("to").asString()).isEqualTo("SUBMITTED");
            assertThat(c.get("rules").toString()).contains("W-09");
            items.add(fact.substring("rectification:".length()));
        }
        assertThat(items).as("the one overdue item").hasSize(1);
        JsonNode item = api.get("/api/rectifications/" + items.get(0)).json();
        assertThat(item.get("orgCode").asString()).isEqualTo(code);
        assertThat(item.get("rule").asString()).isEqualTo("C04");
        assertThat(item.get("status").asString()).isEqualTo("OPEN");

        ApiClient.Response submitted = api.post("/api/rectifications/" + items.get(0) + "/submit",
                "{\"evidence\": [\"整改报告.pdf\"], \"note\": \"已整改\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode after = api.get(current).json().get("result");
        assertThat(after.get("tier").asString()).as(after.toString()).isEqualTo(path.get("resultTier").asString());
        assertThat(after.get("composite").asDouble()).isEqualTo(path.get("resultComposite").asDouble());
        assertThat(TIERS.indexOf(after.get("tier").asString())).isGreaterThanOrEqualTo(TIERS.indexOf("AVERAGE"));
    }

    private static String tier(ApiClient api, String code) {
        return api.get("/api/organizations/" + code + "/result?" + AS_OF).json().get("result").get("tier").asString();
    }
}
