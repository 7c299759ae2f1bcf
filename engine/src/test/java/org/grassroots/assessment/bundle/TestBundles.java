package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small valid records and bundles for the tests, to be broken one field at a time. */
final class TestBundles {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Today is 2026-07-15 for every test that does not say otherwise. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-07-15T10:00:00Z"), ZoneOffset.UTC);
    static final BundleReader READER = new BundleReader(TODAY, StoredRecords.NONE);

    private TestBundles() {
    }

    static ObjectNode organization(String code, String parentCode) {
        ObjectNode org = MAPPER.createObjectNode();
        org.put("code", code);
        org.put("name", "组织 " + code);
        org.put("type", "VILLAGE");
        org.put("level", "BRANCH");
        org.put("parentCode", parentCode);
        return org;
    }

    static ObjectNode facts(String orgCode, String period, int members) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("orgCode", orgCode);
        f.put("period", period);
        for (String name : List.of("branchGeneralMeetings", "committeeMeetings", "partyGroupMeetings",
                "partyLectures", "themePartyDays", "studyDays", "villageCommitteeMeetings", "volunteerActivities")) {
            f.put(name, 4);
        }
        f.put("organizationalLifeMeetingHeld", true);
        f.put("democraticReviewHeld", true);
        f.put("studyAttendanceRate", 0.9);
        f.put("massSatisfaction", 0.8);
        f.put("members", members);
        f.put("newMembers", 1);
        f.put("yearsSinceLastNewMember", 0);
        f.put("floatingMembers", 1);
        f.put("floatingMembersInContact", 1);
        f.put("floatingLedgerUpToDate", true);
        f.put("secretaryVacantMonths", 0);
        f.put("committeeSeatsRequired", 5);
        f.put("committeeSeatsFilled", 5);
        f.put("disciplineCasesLeadership", 0);
        f.put("disciplineCasesMembers", 0);
        for (String name : List.of("hasServiceCenter", "centerSignage", "centerAppearance", "centerEquipment",
                "centerAtmosphere", "integrationWorkingBody", "integrationCrossAppointment",
                "integrationSharedVenue", "integrationJointActivities", "integrationJointSystems",
                "guideAssigned", "contactPointAssigned", "firstSecretaryAssigned")) {
            f.put(name, false);
        }
        f.put("reserveFundBalanceYuan", 1200.5);
        f.put("collectiveIncomeYuan", 0);
        f.put("disputesUnresolved", 0);
        f.put("petitionsRepeated", 0);
        f.put("demonstrationLevel", "NONE");
        return f;
    }

    static ObjectNode member(String memberId, String orgCode, String period) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("memberId", memberId);
        m.put("orgCode", orgCode);
        m.put("period", period);
        m.put("floating", false);
        m.put("serviceHours", 12.5);
        m.put("appraisal", "COMPETENT");
        m.put("innovations", 0);
        m.put("managementResults", 0);
        m.put("studyAttendanceRate", 0.8);
        m.put("testScore", 80);
        m.put("disciplinaryAction", false);
        return m;
    }

    static ObjectNode visit(String visitId, String orgCode, String date) {
        ObjectNode v = MAPPER.createObjectNode();
        v.put("visitId", visitId);
        v.put("orgCode", orgCode);
        v.put("date", date);
        v.put("mode", "OPEN");
        v.put("team", "第一督查组");
        v.putArray("inspectors").add("王明");
        v.putArray("findings").add(finding("C05"));
        return v;
    }

    static ObjectNode finding(String item) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("item", item);
        return f;
    }

    /**
     * A small valid bundle: XQ (root) with child V-A; V-A's 2026 facts with members 3; two member
     * records of V-A in 2026; one visit to V-A on 2026-05-01 with a C05 finding.
     */
    static ObjectNode validBundle() {
        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.putArray("organizations").add(organization("XQ", null)).add(organization("V-A", "XQ"));
        bundle.putArray("periodFacts").add(facts("V-A", "2026", 3));
        bundle.putArray("members").add(member("M1", "V-A", "2026")).add(member("M2", "V-A", "2026"));
        bundle.putArray("visits").add(visit("VS-1", "V-A", "2026-05-01"));
        return bundle;
    }

    static ArrayNode array(JsonNode root, String pointer) {
        return (ArrayNode) root.at(pointer);
    }

    /** Sets the value at {@code pointer} (its parent must exist) to {@code value} converted to JSON. */
    static ObjectNode with(ObjectNode root, String pointer, Object value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        JsonNode json = value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
        if (parent instanceof ArrayNode array) {
            array.set(p.last().getMatchingIndex(), json);
        } else {
            ((ObjectNode) parent).set(p.last().getMatchingProperty(), json);
        }
        return root;
    }

    static ObjectNode without(ObjectNode root, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        ((ObjectNode) root.at(p.head())).remove(p.last().getMatchingProperty());
        return root;
    }

    static List<Problem> problems(JsonNode bundle) {
        return problems(READER, bundle);
    }

    static List<Problem> problems(BundleReader reader, JsonNode bundle) {
        return problems(reader, MAPPER.writeValueAsBytes(bundle));
    }

    static List<Problem> problems(String json) {
        return problems(READER, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The problems of reading {@code json} in memory; every call also reads it the streaming way
     * ({@link BundleReader#spill}, in three parts) and checks that it reports the very same problems
     * and leaves no temporary file behind.
     */
    static List<Problem> problems(BundleReader reader, byte[] json) {
        List<Problem> inMemory = null;
        try {
            reader.read(new ByteArrayInputStream(json));
        } catch (BundleValidationException e) {
            inMemory = e.problems();
        }
        if (inMemory == null) {
            throw new AssertionError("expected problems, but the bundle was accepted");
        }
        assertThat(spilledProblems(reader, json)).as("problems of the streaming read").isEqualTo(inMemory);
        return inMemory;
    }

    private static List<Problem> spilledProblems(BundleReader reader, byte[] json) {
        try {
            Path dir = Files.createTempDirectory("bundle-spill-test-");
            try {
                Path file = dir.resolve("bundle.json");
                Files.write(file, json);
                try (SpilledBundle accepted = reader.spill(file, dir, 3)) {
                    throw new AssertionError("the streaming read accepted a bundle the in-memory read refused");
                } catch (BundleValidationException e) {
                    try (var left = Files.list(dir)) {
                        assertThat(left.map(p -> p.getFileName().toString()).toList())
                                .as("files left after a refused bundle").containsExactly("bundle.json");
                    }
                    return e.problems();
                } finally {
                    Files.delete(file);
                }
            } finally {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::path).toList();
    }

    static InputStream resource(String name) {
        InputStream in = TestBundles.class.getResourceAsStream("/bundle/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing test resource " + name));
        }
        return in;
    }
}
