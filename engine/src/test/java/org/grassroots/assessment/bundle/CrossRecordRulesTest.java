package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.assessment.bundle.TestBundles.MAPPER;
import static org.grassroots.assessment.bundle.TestBundles.TODAY;
import static org.grassroots.assessment.bundle.TestBundles.array;
import static org.grassroots.assessment.bundle.TestBundles.facts;
import static org.grassroots.assessment.bundle.TestBundles.member;
import static org.grassroots.assessment.bundle.TestBundles.organization;
import static org.grassroots.assessment.bundle.TestBundles.paths;
import static org.grassroots.assessment.bundle.TestBundles.problems;
import static org.grassroots.assessment.bundle.TestBundles.validBundle;
import static org.grassroots.assessment.bundle.TestBundles.visit;
import static org.grassroots.assessment.bundle.TestBundles.with;
import static org.grassroots.assessment.bundle.TestBundles.without;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.grassroots.assessment.model.Bundle;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** Rules between records: uniqueness, references, parent cycles and member counts. */
class CrossRecordRulesTest {

    @Test
    void reportsDuplicateKeysAtTheLaterRecord() {
        ObjectNode bundle = validBundle();
        array(bundle, "/organizations").add(organization("V-A", "XQ"));
        array(bundle, "/periodFacts").add(facts("V-A", "2026", 3));
        array(bundle, "/members").add(member("M1", "V-A", "2026"));
        array(bundle, "/visits").add(visit("VS-1", "V-A", "2026-05-02"));
        assertThat(problems(bundle)).containsExactly(
                new Problem("/organizations/2/code", "duplicate code \"V-A\", first at /organizations/1"),
                new Problem("/periodFacts/1", "duplicate period facts for V-A in 2026, first at /periodFacts/0"),
                new Problem("/members/2", "duplicate member record for M1 in 2026, first at /members/0"),
                new Problem("/visits/1/visitId", "duplicate visitId \"VS-1\", first at /visits/0"));
    }

    @Test
    void allowsTheSameMemberInAnotherPeriod() throws Exception {
        ObjectNode bundle = validBundle();
        array(bundle, "/periodFacts").add(facts("V-A", "2026-Q1", 1));
        array(bundle, "/members").add(member("M1", "V-A", "2026-Q1"));
        assertThat(read(bundle, StoredRecords.NONE).members()).hasSize(3);
    }

    @Test
    void reportsReferencesToUnknownOrganizations() {
        ObjectNode bundle = validBundle();
        with(bundle, "/organizations/1/parentCode", "XQ-T09");
        array(bundle, "/periodFacts").add(facts("V-B", "2026", 3));
        array(bundle, "/members").add(member("M3", "V-B", "2026"));
        array(bundle, "/visits").add(visit("VS-2", "V-C", "2026-05-02"));
        assertThat(problems(bundle)).containsExactly(
                new Problem("/organizations/1/parentCode", "unknown organization \"XQ-T09\""),
                new Problem("/periodFacts/1/orgCode", "unknown organization \"V-B\""),
                new Problem("/members/2/orgCode", "unknown organization \"V-B\""),
                new Problem("/visits/1/orgCode", "unknown organization \"V-C\""));
    }

    @Test
    void requiresPeriodFactsForMembers() {
        ObjectNode bundle = validBundle();
        array(bundle, "/members").add(member("M1", "V-A", "2025")).add(member("M3", "XQ", "2026"));
        assertThat(problems(bundle)).containsExactly(
                new Problem("/members/2", "no period facts for V-A in 2025 (in the bundle or stored)"),
                new Problem("/members/3", "no period facts for XQ in 2026 (in the bundle or stored)"));
    }

    @Test
    void reportsTheFirstMemberRecordBeyondTheFactsCountOnce() {
        ObjectNode bundle = validBundle(); // V-A 2026 has members 3 and two records
        array(bundle, "/members").add(member("M3", "V-A", "2026")).add(member("M4", "V-A", "2026"))
                .add(member("M5", "V-A", "2026"));
        assertThat(problems(bundle)).containsExactly(new Problem("/members/3",
                "more member records for V-A in 2026 than the members of its period facts (3)"));
    }

    @Test
    void countsMembersWhateverTheOrderOfTheArrays() {
        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.set("members", validBundle().get("members"));
        bundle.set("periodFacts", array(validBundle(), "/periodFacts"));
        bundle.set("organizations", validBundle().get("organizations"));
        with(bundle, "/periodFacts/0/members", 1);
        with(bundle, "/periodFacts/0/newMembers", 0);
        with(bundle, "/periodFacts/0/floatingMembers", 0);
        with(bundle, "/periodFacts/0/floatingMembersInContact", 0);
        assertThat(paths(problems(bundle))).containsExactly("/members/1");
    }

    @Test
    void reportsEachOrganizationOnAParentCycleOnce() {
        ObjectNode bundle = validBundle();
        with(bundle, "/organizations/0/parentCode", "V-A");           // XQ → V-A → XQ
        array(bundle, "/organizations")
                .add(organization("T", "V-A"))                          // leads into the cycle, not on it
                .add(organization("SELF", "SELF"));
        assertThat(problems(bundle)).containsExactly(
                new Problem("/organizations/0/parentCode", "makes a cycle: XQ → V-A → XQ"),
                new Problem("/organizations/1/parentCode", "makes a cycle: V-A → XQ → V-A"),
                new Problem("/organizations/3/parentCode", "makes a cycle: SELF → SELF"));
    }

    @Test
    void doesNotRepeatABrokenKeyAsBrokenReferences() {
        ObjectNode bundle = validBundle();
        with(bundle, "/organizations/1/code", "V A");       // referenced by facts, members and the visit
        assertThat(paths(problems(bundle))).containsExactly("/organizations/1/code");

        bundle = validBundle();
        with(bundle, "/periodFacts/0/period", "2026-Q5");   // the members' facts
        assertThat(paths(problems(bundle))).containsExactly("/periodFacts/0/period");

        bundle = validBundle();
        without(bundle, "/periodFacts/0/orgCode");
        assertThat(paths(problems(bundle))).containsExactly("/periodFacts/0/orgCode");
    }

    @Test
    void stillReportsReferencesUnrelatedToABrokenKey() {
        ObjectNode bundle = validBundle();
        with(bundle, "/organizations/1/code", "V A");
        array(bundle, "/visits").add(visit("VS-2", "V-NOWHERE", "2026-05-02"));
        assertThat(paths(problems(bundle))).containsExactly("/organizations/1/code", "/visits/1/orgCode");
    }

    // --- with records already stored -------------------------------------------------------------

    /** A store holding XQ (root) and V-S (under XQ) with 2026 facts of members 2 and one member S1. */
    private static final class Store implements StoredRecords {
        final Map<String, String> parents = new HashMap<>(Map.of("XQ", "", "V-S", "XQ"));
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<StoredOrganization> organization(String code) {
            asked.add(code);
            String parent = parents.get(code);
            return parent == null ? Optional.empty()
                    : Optional.of(new StoredOrganization(code, parent.isEmpty() ? null : parent));
        }

        @Override
        public OptionalInt factMembers(String orgCode, String period) {
            return orgCode.equals("V-S") && period.equals("2026") ? OptionalInt.of(2) : OptionalInt.empty();
        }

        @Override
        public Set<String> memberIds(String orgCode, String period) {
            return orgCode.equals("V-S") && period.equals("2026") ? Set.of("S1") : Set.of();
        }
    }

    @Test
    void resolvesReferencesAgainstStoredRecords() throws Exception {
        Store store = new Store();
        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.putArray("organizations").add(organization("V-B", "XQ"));          // stored parent
        bundle.putArray("periodFacts").add(facts("V-S", "2025", 4));              // stored organization
        bundle.putArray("members").add(member("S2", "V-S", "2026"));              // stored facts
        bundle.putArray("visits").add(visit("VS-9", "V-S", "2026-05-02"));        // stored organization

        Bundle read = read(bundle, store);

        assertThat(read.members()).hasSize(1);
        assertThat(store.asked).doesNotHaveDuplicates();
    }

    @Test
    void countsStoredMembersThatTheBundleDoesNotReplace() {
        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.putArray("members").add(member("S1", "V-S", "2026"))   // replaces the stored S1
                .add(member("S2", "V-S", "2026"))
                .add(member("S3", "V-S", "2026"));
        assertThat(problems(new BundleReader(TODAY, new Store()), bundle)).containsExactly(new Problem("/members/2",
                "more member records for V-S in 2026 than the members of its period facts (2)"));

        bundle.putArray("members").add(member("S2", "V-S", "2026")).add(member("S3", "V-S", "2026"));
        assertThat(problems(new BundleReader(TODAY, new Store()), bundle)).containsExactly(new Problem("/members/1",
                "more member records for V-S in 2026 than the members of its period facts (2),"
                        + " counting 1 already stored"));
    }

    @Test
    void findsCyclesThroughStoredOrganizations() {
        // The bundle moves XQ under V-S, which is stored under XQ.
        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.putArray("organizations").add(organization("XQ", "V-S"));
        assertThat(problems(new BundleReader(TODAY, new Store()), bundle)).containsExactly(
                new Problem("/organizations/0/parentCode", "makes a cycle: XQ → V-S → XQ"));
    }

    @Test
    void withoutAStoreTheBundleMustBeSelfContained() {
        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.putArray("organizations").add(organization("V-B", "XQ"));
        assertThat(problems(bundle)).containsExactly(
                new Problem("/organizations/0/parentCode", "unknown organization \"XQ\""));
    }

    @Test
    void takesAsManyMemberRecordsAsTheFactsCount() throws Exception {
        ObjectNode bundle = validBundle(); // V-A 2026 has members 3 and two records
        array(bundle, "/members").add(member("M3", "V-A", "2026"));
        assertThat(read(bundle, StoredRecords.NONE).members()).hasSize(3);
    }

    @Test
    void shortensALongCycleToItsFirstTenOrganizations() throws Exception {
        ObjectNode bundle = validBundle();
        for (int n : new int[] {9, 10}) {
            ObjectNode b = MAPPER.createObjectNode();
            b.putArray("organizations");
            for (int i = 0; i < n; i++) {
                array(b, "/organizations").add(organization("C" + i, "C" + ((i + 1) % n)));
            }
            b.putArray("periodFacts");
            b.putArray("members");
            List<Problem> found = problems(b);
            assertThat(found).hasSize(n);
            if (n == 9) {
                assertThat(found.get(0)).isEqualTo(new Problem("/organizations/0/parentCode",
                        "makes a cycle: C0 → C1 → C2 → C3 → C4 → C5 → C6 → C7 → C8 → C0"));
            } else {
                assertThat(found.get(0)).isEqualTo(new Problem("/organizations/0/parentCode",
                        "makes a cycle: C0 → C1 → C2 → C3 → C4 → C5 → C6 → C7 → C8 → C9 → … (10 organizations) → C0"));
            }
        }
        assertThat(read(bundle, StoredRecords.NONE).organizations()).hasSize(2);
    }

    @Test
    void aBrokenCodeCoversReferencesOneTypoAwayForShortCodesAndTwoForLongerOnes() {
        // "V  B" is two edits from the members' "V-AB" (4 characters: one allowed): they are reported
        ObjectNode bundle = validBundle();
        array(bundle, "/organizations").add(organization("V  B", "XQ"));
        array(bundle, "/members").add(member("M7", "V-AB", "2026"));
        assertThat(paths(problems(bundle))).containsExactly("/organizations/2/code", "/members/2/orgCode");
        // "V  BC" is two edits from "V-ABC" (5 characters: two allowed): taken as the same organization,
        // whose facts are then missing
        bundle = validBundle();
        array(bundle, "/organizations").add(organization("V  BC", "XQ"));
        array(bundle, "/members").add(member("M7", "V-ABC", "2026"));
        assertThat(paths(problems(bundle))).containsExactly("/organizations/2/code", "/members/2");
        // case is ignored
        bundle = validBundle();
        array(bundle, "/organizations").add(organization("v ab", "XQ"));
        array(bundle, "/members").add(member("M7", "V-AB", "2026"));
        assertThat(paths(problems(bundle))).containsExactly("/organizations/2/code", "/members/2");
    }

    @Test
    void brokenFactsExcuseOnlyTheMembersOfTheirOwnKey() {
        // V-A's 2025 facts are refused (a negative count): its 2025 members are not reported again,
        // its 2024 members are (they have no facts at all)
        ObjectNode bundle = validBundle();
        array(bundle, "/periodFacts").add(facts("V-A", "2025", -1));
        array(bundle, "/members").add(member("M1", "V-A", "2025")).add(member("M1", "V-A", "2024"));
        assertThat(problems(bundle)).containsExactly(
                new Problem("/periodFacts/1/members", "must be at least 0, got -1"),
                new Problem("/members/3", "no period facts for V-A in 2024 (in the bundle or stored)"));
        // facts of a broken organization code excuse the members of a code a typo away, not others
        bundle = validBundle();
        array(bundle, "/periodFacts").add(facts("V A", "2025", 1));
        array(bundle, "/members").add(member("M1", "V-A", "2025")).add(member("M9", "XQ", "2025"));
        assertThat(paths(problems(bundle))).containsExactly("/periodFacts/1/orgCode", "/members/3");
    }

    private static Bundle read(ObjectNode bundle, StoredRecords stored) throws BundleValidationException {
        return new BundleReader(TODAY, stored).read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(bundle)));
    }
}
