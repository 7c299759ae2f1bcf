package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.bundle.TestBundles.MAPPER;
import static org.grassroots.assessment.bundle.TestBundles.paths;
import static org.grassroots.assessment.bundle.TestBundles.problems;
import static org.grassroots.assessment.bundle.TestBundles.validBundle;
import static org.grassroots.assessment.bundle.TestBundles.with;
import static org.grassroots.assessment.bundle.TestBundles.without;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;

import org.grassroots.assessment.model.GeoLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.ObjectNode;

/** Rules on single fields and on fields of one record (docs/formats.md section 1). */
class FieldRulesTest {

    /** The one problem of the valid bundle with {@code pointer} set to {@code json}. */
    private static Problem onlyProblem(String pointer, String json) {
        List<Problem> problems = problems(with(validBundle(), pointer, MAPPER.readTree(json)));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo(pointer);
        return problems.get(0);
    }

    @Test
    void theValidBundleIsValid() throws Exception {
        byte[] json = MAPPER.writeValueAsBytes(validBundle());
        assertThat(TestBundles.READER.read(new ByteArrayInputStream(json)).members()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /periodFacts/0/members              | 1.5        | must be an integer, got 1.5
            /periodFacts/0/members              | "3"        | must be an integer, got "3"
            /periodFacts/0/members              | 3.0        | must be an integer, got 3.0
            /periodFacts/0/members              | 1e1        | must be an integer, got 10.0
            /periodFacts/0/members              | null       | must be an integer, got null
            /periodFacts/0/hasServiceCenter     | "true"     | must be true or false, got "true"
            /periodFacts/0/hasServiceCenter     | 1          | must be true or false, got 1
            /periodFacts/0/massSatisfaction     | "0.5"      | must be a number, got "0.5"
            /periodFacts/0/demonstrationLevel   | "district" | must be one of NONE, DISTRICT, CITY, got "district"
            /organizations/0/name               | 12         | must be a string, got 12
            /organizations/0/type               | ["ORGAN"]  | must be a string, got an array
            /visits/0/inspectors                | "王明"     | must be an array, got "王明"
            /visits/0/inspectors/0              | 7          | must be a string, got 7
            /visits/0/location                  | [1, 2]     | must be an object, got an array
            /members/0                          | "M1"       | must be an object, got "M1"
            """)
    void checksTypes(String pointer, String json, String message) {
        assertThat(onlyProblem(pointer, json).message()).isEqualTo(message);
    }

    @Test
    void reportsMissingRequiredFieldsAtTheirName() {
        ObjectNode bundle = validBundle();
        without(bundle, "/periodFacts/0/guideAssigned");
        without(bundle, "/organizations/1/name");
        without(bundle, "/visits/0/findings");
        assertThat(problems(bundle)).containsExactly(
                new Problem("/organizations/1/name", "is required"),
                new Problem("/periodFacts/0/guideAssigned", "is required"),
                new Problem("/visits/0/findings", "is required"));
    }

    @Test
    void appliesDefaultsAndOptionalNulls() throws Exception {
        ObjectNode bundle = validBundle();
        with(bundle, "/organizations/1/hasPartyGroups", null);
        without(bundle, "/organizations/0/parentCode");
        with(bundle, "/visits/0/findings/0/severity", null);
        with(bundle, "/visits/0/location", null);
        var read = TestBundles.READER.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(bundle)));
        assertThat(read.organizations().get(1).hasPartyGroups()).isFalse();
        assertThat(read.organizations().get(0).parentCode()).isNull();
        assertThat(read.visits().get(0).findings().get(0).severity()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /periodFacts/0/committeeMeetings        | 1001    | must be between 0 and 1000, got 1001
            /periodFacts/0/volunteerActivities      | -1      | must be between 0 and 1000, got -1
            /periodFacts/0/studyAttendanceRate      | 1.01    | must be between 0 and 1, got 1.01
            /periodFacts/0/massSatisfaction         | -0.1    | must be between 0 and 1, got -0.1
            /periodFacts/0/secretaryVacantMonths    | 601     | must be between 0 and 600, got 601
            /periodFacts/0/disputesUnresolved       | -3      | must be at least 0, got -3
            /periodFacts/0/members                  | 3000000000 | must be between 0 and 2147483647, got 3000000000
            /periodFacts/0/committeeSeatsRequired   | 0       | must be at least 1, got 0
            /periodFacts/0/reserveFundBalanceYuan   | -0.01   | must be at least 0, got -0.01
            /periodFacts/0/collectiveIncomeYuan     | 10.123  | must have at most 2 decimals, got 10.123
            /members/0/serviceHours                 | 10000.5 | must be between 0 and 10000, got 10000.5
            /members/0/testScore                    | 100.01  | must be between 0 and 100, got 100.01
            /members/0/innovations                  | -1      | must be at least 0, got -1
            /visits/0/location/lat                  | 90.5    | must be between -90 and 90, got 90.5
            /visits/0/findings/0/item               | "C13"   | must be a checklist item C01–C12, got "C13"
            /organizations/1/code                   | "-A"    | must be 1–64 letters, digits, '_' or '-', starting with a letter or digit, got "-A"
            /members/1/memberId                     | "M 2"   | must be 1–64 letters, digits, '_' or '-', starting with a letter or digit, got "M 2"
            /periodFacts/0/period                   | "26"    | must be a period YYYY or YYYY-Qn (n 1–4), got "26"
            /organizations/1/name                   | ""      | must not be blank
            /visits/0/team                          | ""      | must be 1–100 characters long, got 0
            """)
    void checksRangesAndPatterns(String pointer, String json, String message) {
        if (pointer.startsWith("/visits/0/location/")) {
            ObjectNode bundle = validBundle();
            with(bundle, "/visits/0/location", MAPPER.readTree("{\"lat\": 30, \"lon\": 120}"));
            with(bundle, pointer, MAPPER.readTree(json));
            assertThat(problems(bundle)).containsExactly(new Problem(pointer, message));
        } else {
            assertThat(onlyProblem(pointer, json).message()).isEqualTo(message);
        }
    }

    @Test
    void acceptsValuesOnTheBounds() throws Exception {
        ObjectNode bundle = validBundle();
        with(bundle, "/periodFacts/0/committeeMeetings", 1000);
        with(bundle, "/periodFacts/0/studyAttendanceRate", 1);
        with(bundle, "/periodFacts/0/secretaryVacantMonths", 600);
        with(bundle, "/periodFacts/0/collectiveIncomeYuan", DecimalNode.valueOf(new BigDecimal("10.100")));
        with(bundle, "/members/0/testScore", 100);
        with(bundle, "/organizations/1/code", "A".repeat(64));
        with(bundle, "/organizations/1/name", "党".repeat(199) + "😀"); // 200 code points, 201 UTF-16 chars
        with(bundle, "/periodFacts/0/orgCode", "A".repeat(64));
        with(bundle, "/members/0/orgCode", "A".repeat(64));
        with(bundle, "/members/1/orgCode", "A".repeat(64));
        with(bundle, "/visits/0/orgCode", "A".repeat(64));
        with(bundle, "/periodFacts/0/period", "2026-Q4");
        with(bundle, "/members/0/period", "2026-Q4");
        with(bundle, "/members/1/period", "2026-Q4");
        assertThat(TestBundles.READER.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(bundle)))
                .organizations().get(1).name()).hasSize(201);
    }

    @Test
    void organizationNamesAreTrimmedAndNeitherBlankNorHoldingControlCharacters() throws Exception {
        ObjectNode bundle = validBundle();
        with(bundle, "/organizations/1/name", " \u3000红旗村党支部\t ");
        assertThat(TestBundles.READER.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(bundle)))
                .organizations().get(1).name()).isEqualTo("红旗村党支部");
        assertThat(onlyProblem("/organizations/1/name", "\" \\t\\u3000 \"").message()).isEqualTo("must not be blank");
        assertThat(onlyProblem("/organizations/1/name", "\"红旗\\u0000村\"").message())
                .isEqualTo("must not contain control characters, got U+0000");
        assertThat(onlyProblem("/organizations/1/name", "\"红旗\\n村\"").message())
                .isEqualTo("must not contain control characters, got U+000A");
        assertThat(onlyProblem("/organizations/1/name", "\"红旗\\u202e村\"").message())
                .isEqualTo("must not contain control characters, got U+202E");
        assertThat(onlyProblem("/organizations/1/name", "\"红旗\\u2028村\"").message())
                .isEqualTo("must not contain control characters, got U+2028");
        // 200 characters inside the spaces are still 200
        with(bundle, "/organizations/1/name", "  " + "党".repeat(200) + "  ");
        assertThat(TestBundles.READER.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(bundle)))
                .organizations().get(1).name()).hasSize(200);
    }

    @Test
    void countsNameLengthInCodePoints() {
        assertThat(onlyProblem("/organizations/1/name", "\"" + "党".repeat(200) + "😀\"").message())
                .isEqualTo("must be 1–200 characters long, got 201");
        assertThat(onlyProblem("/members/0/memberId", "\"" + "A".repeat(65) + "\"").message())
                .startsWith("must be 1–64 letters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /periodFacts/0/newMembers               | 4 | must not exceed members (3)
            /periodFacts/0/floatingMembers          | 4 | must not exceed members (3)
            /periodFacts/0/floatingMembersInContact | 2 | must not exceed floatingMembers (1)
            /periodFacts/0/committeeSeatsFilled     | 6 | must not exceed committeeSeatsRequired (5)
            /periodFacts/0/yearsSinceLastNewMember  | 2 | must be 0 when newMembers is at least 1 (newMembers is 1)
            """)
    void checksRulesBetweenFieldsOfFacts(String pointer, String json, String message) {
        assertThat(onlyProblem(pointer, json).message()).isEqualTo(message);
    }

    @Test
    void doesNotRepeatAWrongValueThroughTheRulesThatUseIt() {
        // members is wrong once; newMembers and floatingMembers are not compared with it.
        assertThat(paths(problems(with(validBundle(), "/periodFacts/0/members", -5))))
                .containsExactly("/periodFacts/0/members");
    }

    @Test
    void acceptsYearsSinceLastNewMemberWithoutNewMembers() throws Exception {
        ObjectNode bundle = validBundle();
        with(bundle, "/periodFacts/0/newMembers", 0);
        with(bundle, "/periodFacts/0/yearsSinceLastNewMember", 3);
        assertThat(TestBundles.READER.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(bundle)))
                .periodFacts().get(0).yearsSinceLastNewMember()).isEqualTo(3);
    }

    @Test
    void requiresEnterpriseCategoryExactlyForEnterprises() {
        ObjectNode bundle = validBundle();
        with(bundle, "/organizations/0/enterpriseCategory", "KEY");
        with(bundle, "/organizations/1/type", "ENTERPRISE");
        assertThat(problems(bundle)).containsExactly(
                new Problem("/organizations/0/enterpriseCategory", "is allowed only for type ENTERPRISE"),
                new Problem("/organizations/1/enterpriseCategory", "is required for type ENTERPRISE"));

        with(bundle, "/organizations/1/enterpriseCategory", "BIG");
        assertThat(problems(bundle)).extracting(Problem::message).last().isEqualTo(
                "must be one of KEY, INCUBATED_TECH, TOWNSHIP, got \"BIG\"");
    }

    @Test
    void readsAnOrganizationsLocationAndChecksItsRanges() throws Exception {
        ObjectNode bundle = validBundle();
        with(bundle, "/organizations/0/latitude", 30.27);
        with(bundle, "/organizations/0/longitude", -180);
        assertThat(TestBundles.READER.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(bundle)))
                .organizations().get(0).location()).isEqualTo(new GeoLocation(30.27, -180));
        assertThat(TestBundles.READER.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(validBundle())))
                .organizations().get(0).location()).as("optional").isNull();

        with(bundle, "/organizations/0/latitude", 90.5);
        with(bundle, "/organizations/0/longitude", 180.01);
        with(bundle, "/organizations/1/latitude", "30.27");
        assertThat(problems(bundle)).containsExactly(
                new Problem("/organizations/0/latitude", "must be between -90 and 90, got 90.5"),
                new Problem("/organizations/0/longitude", "must be between -180 and 180, got 180.01"),
                new Problem("/organizations/1/latitude", "must be a number, got \"30.27\""),
                new Problem("/organizations/1/longitude", "is required when latitude is given"));
    }

    @Test
    void requiresDeductionExactlyForC12() {
        ObjectNode bundle = validBundle();
        TestBundles.array(bundle, "/visits/0/findings")
                .add(MAPPER.readTree("{\"item\": \"C01\", \"deduction\": 3}"))
                .add(MAPPER.readTree("{\"item\": \"C12\"}"))
                .add(MAPPER.readTree("{\"item\": \"C12\", \"deduction\": 21}"))
                .add(MAPPER.readTree("{\"item\": \"C12\", \"deduction\": 20, \"severity\": \"MAJOR\"}"));
        assertThat(problems(bundle)).containsExactly(
                new Problem("/visits/0/findings/1/deduction", "is allowed only for item C12"),
                new Problem("/visits/0/findings/2/deduction", "is required"),
                new Problem("/visits/0/findings/3/deduction", "must be between 1 and 20, got 21"));
    }

    @Test
    void checksVisitLists() {
        assertThat(onlyProblem("/visits/0/inspectors", "[]").message())
                .isEqualTo("must have 1–20 entries, got 0");
        assertThat(onlyProblem("/visits/0/inspectors/0", "\"  \"").message()).isEqualTo("must not be blank");
        assertThat(onlyProblem("/visits/0/inspectors", MAPPER.writeValueAsString(List.of(
                "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u")))
                .message()).isEqualTo("must have 1–20 entries, got 21");
        assertThat(onlyProblem("/visits/0/findings", "[" + "{\"item\":\"C01\"},".repeat(100) + "{\"item\":\"C02\"}]")
                .message()).isEqualTo("must have at most 100 entries, got 101");
        assertThat(problems(with(validBundle(), "/visits/0/findings/0/evidence", MAPPER.readTree("[\"a.jpg\", 3]"))))
                .containsExactly(new Problem("/visits/0/findings/0/evidence/1", "must be a string, got 3"));
        assertThat(onlyProblem("/visits/0/findings/0/note", "\"" + "x".repeat(2001) + "\"").message())
                .isEqualTo("must be 0–2000 characters long, got 2001");
        assertThat(onlyProblem("/visits/0/team", "\"" + "组".repeat(101) + "\"").message())
                .isEqualTo("must be 1–100 characters long, got 101");
    }

    @Test
    void truncatesLongValuesInMessages() {
        String message = onlyProblem("/periodFacts/0/period", "\"" + "9".repeat(500) + "\"").message();
        assertThat(message).endsWith("\"" + "9".repeat(40) + "…\"").hasSizeLessThan(120);
    }

    @Test
    void reportsUnknownFieldsWithTheClosestKnownName() {
        ObjectNode bundle = validBundle();
        with(bundle, "/periodFacts/0/floatingMember", 1);
        with(bundle, "/members/0/Appraisal", "COMPETENT");
        with(bundle, "/visits/0/findings/0/photos", List.of("a.jpg"));
        with(bundle, "/visits/0/location", MAPPER.readTree("{\"lat\": 30, \"lng\": 120}"));
        with(bundle, "/organizations/0/a~1b~0c", 1);
        with(bundle, "/organisations", List.of());
        assertThat(problems(bundle)).containsExactly(
                new Problem("/organizations/0/a~1b~0c", "unknown field \"a/b~c\""),
                new Problem("/periodFacts/0/floatingMember",
                        "unknown field \"floatingMember\" (did you mean \"floatingMembers\"?)"),
                new Problem("/members/0/Appraisal", "unknown field \"Appraisal\" (did you mean \"appraisal\"?)"),
                new Problem("/visits/0/findings/0/photos", "unknown field \"photos\""),
                new Problem("/visits/0/location/lng", "unknown field \"lng\" (did you mean \"lon\"?)"),
                new Problem("/visits/0/location/lon", "is required"),
                new Problem("/organisations",
                        "unknown field \"organisations\" (did you mean \"organizations\"?)"));
    }

    @Test
    void reportsDuplicateKeys() {
        String json = """
                {"organizations": [
                  {"code": "XQ", "name": "X", "type": "ORGAN", "level": "COMMITTEE", "name": "Y", "name": "Z"},
                  {"code": "V-A", "name": "A", "type": "VILLAGE", "level": "BRANCH", "parentCode": "XQ",
                   "hasPartyGroups": true, "hasPartyGroups": {"deep": [1, 2]}}
                 ],
                 "visits": [],
                 "visits": [{"not": "read"}]}
                """;
        assertThat(problems(json)).containsExactly(
                new Problem("/organizations/0/name", "duplicate key \"name\""),
                new Problem("/organizations/0/name", "duplicate key \"name\""),
                new Problem("/organizations/1/hasPartyGroups", "duplicate key \"hasPartyGroups\""),
                new Problem("/visits", "duplicate key \"visits\""));
    }

    @Test
    void reportsDuplicateKeysInNestedObjects() {
        ObjectNode bundle = validBundle();
        String json = MAPPER.writeValueAsString(bundle).replace("\"item\":\"C05\"", "\"item\":\"C05\",\"item\":\"C06\"");
        assertThat(problems(json)).containsExactly(new Problem("/visits/0/findings/0/item", "duplicate key \"item\""));
    }

    @Test
    void rejectsTopLevelValuesThatAreNotArrays() {
        assertThat(problems("{\"members\": null, \"visits\": {\"a\": 1}}")).containsExactly(
                new Problem("/members", "must be an array, got null"),
                new Problem("/visits", "must be an array, got an object"));
    }
}
