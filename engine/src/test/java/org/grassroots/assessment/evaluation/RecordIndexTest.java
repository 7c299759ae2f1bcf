package org.grassroots.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.StoredRecords;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index's answers per organization and period, built from the worked example's records. */
class RecordIndexTest {

    private static Organization org;
    private static PeriodFacts facts;
    private static MemberRecord member;
    private static Visit visit;

    @BeforeAll
    static void readWorkedExample() throws Exception {
        Clock today = Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC);
        try (InputStream in = RecordIndexTest.class.getResourceAsStream("/bundle/worked-example.json")) {
            Bundle bundle = new BundleReader(today, StoredRecords.NONE).read(in);
            org = bundle.organizations().get(0);
            facts = bundle.periodFacts().get(0);
            member = bundle.members().get(0);
            visit = bundle.visits().get(0);
        }
    }

    @Test
    void facts_and_members_are_found_by_organization_and_period_only() {
        RecordIndex index = new RecordIndex();
        index.add(org("B"));
        index.add(org("A"));
        index.add(org("C"));
        index.add(facts("B", "2026"));
        index.add(facts("A", "2026"));
        index.add(facts("A", "2025"));
        index.add(facts("C", "2026-Q3"));
        index.add(member("m3", "A", "2026"));
        index.add(member("m1", "A", "2026"));
        index.add(member("m2", "A", "2025"));
        index.add(member("m9", "B", "2026-Q3"));
        index.seal();

        Period y2026 = Period.parse("2026");
        assertThat(index.facts("A", y2026).period()).isEqualTo("2026");
        assertThat(index.facts("A", Period.parse("2025")).period()).isEqualTo("2025");
        assertThat(index.facts("A", y2026.previous())).isSameAs(index.facts("A", Period.parse("2025")));
        assertThat(index.facts("B", Period.parse("2025"))).isNull();
        assertThat(index.facts("C", y2026)).isNull();
        assertThat(index.facts("C", Period.parse("2026-Q3")).orgCode()).isEqualTo("C");
        assertThat(index.facts("A", Period.parse("2024"))).isNull();
        assertThat(index.facts("Z", y2026)).isNull();

        assertThat(index.members("A", y2026)).extracting(MemberRecord::memberId).containsExactly("m1", "m3");
        assertThat(index.members("A", Period.parse("2025"))).extracting(MemberRecord::memberId).containsExactly("m2");
        assertThat(index.members("B", y2026)).isEmpty();
        assertThat(index.members("B", Period.parse("2026-Q3"))).extracting(MemberRecord::memberId).containsExactly("m9");
        assertThat(index.members("A", Period.parse("2027"))).isEmpty();

        assertThat(index.organizationsWithFacts(y2026)).extracting(Organization::code).containsExactly("A", "B");
        assertThat(index.organizationsWithFacts(Period.parse("2025"))).extracting(Organization::code).containsExactly("A");
        assertThat(index.organizationsWithFacts(Period.parse("2026-Q3"))).extracting(Organization::code).containsExactly("C");
        assertThat(index.organizationsWithFacts(Period.parse("2026-Q2"))).isEmpty();
        assertThat(index.contains("A")).isTrue();
        assertThat(index.contains("Z")).isFalse();
    }

    @Test
    void the_last_facts_added_for_an_organization_and_period_count() {
        RecordIndex index = new RecordIndex();
        index.add(org("A"));
        PeriodFacts first = facts("A", "2026");
        PeriodFacts second = facts("A", "2026");
        index.add(first);
        index.add(second);
        index.seal();
        assertThat(index.facts("A", Period.parse("2026"))).isSameAs(second);
        assertThat(index.organizationsWithFacts(Period.parse("2026"))).hasSize(1);
    }

    @Test
    void visits_up_to_a_date_include_that_day_in_date_then_id_order() {
        RecordIndex index = new RecordIndex();
        index.add(visit("v3", "A", "2026-05-01"));
        index.add(visit("v1", "A", "2026-03-01"));
        index.add(visit("v2b", "A", "2026-04-01"));
        index.add(visit("v2a", "A", "2026-04-01"));
        index.add(visit("w1", "B", "2025-01-01"));
        index.seal();

        assertThat(ids(index.visitsUpTo("A", LocalDate.parse("2026-02-28")))).isEmpty();
        assertThat(ids(index.visitsUpTo("A", LocalDate.parse("2026-03-01")))).containsExactly("v1");
        assertThat(ids(index.visitsUpTo("A", LocalDate.parse("2026-03-31")))).containsExactly("v1");
        assertThat(ids(index.visitsUpTo("A", LocalDate.parse("2026-04-01")))).containsExactly("v1", "v2a", "v2b");
        assertThat(ids(index.visitsUpTo("A", LocalDate.parse("2026-05-01")))).containsExactly("v1", "v2a", "v2b", "v3");
        assertThat(ids(index.visitsUpTo("A", LocalDate.parse("2030-01-01")))).containsExactly("v1", "v2a", "v2b", "v3");
        assertThat(ids(index.visitsUpTo("B", LocalDate.parse("2026-12-31")))).containsExactly("w1");
        assertThat(index.visitsUpTo("Z", LocalDate.parse("2026-12-31"))).isEmpty();
        // a view of the index: nobody may change it through the answer
        List<Visit> some = index.visitsUpTo("A", LocalDate.parse("2026-04-01"));
        assertThatThrownBy(() -> some.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        List<Visit> all = index.visitsUpTo("A", LocalDate.parse("2030-01-01"));
        assertThatThrownBy(() -> all.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_first_visit_after_a_date_is_found_as_a_scan_would_find_it() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            List<Visit> visits = new ArrayList<>();
            int n = random.nextInt(12);
            LocalDate day = LocalDate.parse("2026-01-01");
            for (int i = 0; i < n; i++) {
                day = day.plusDays(random.nextInt(3)); // same days too
                visits.add(visit("v" + i, "A", day.toString()));
            }
            LocalDate asOf = LocalDate.parse("2025-12-30").plusDays(random.nextInt(n * 2 + 4));
            int scan = 0;
            while (scan < visits.size() && !visits.get(scan).date().isAfter(asOf)) {
                scan++;
            }
            assertThat(RecordIndex.firstAfter(visits, asOf)).as("%s up to %s", visits, asOf).isEqualTo(scan);
        }
    }

    private static List<String> ids(List<Visit> visits) {
        return visits.stream().map(Visit::visitId).toList();
    }

    private static Organization org(String code) {
        return copy(org, Map.of("code", code));
    }

    private static PeriodFacts facts(String orgCode, String period) {
        return copy(facts, Map.of("orgCode", orgCode, "period", period));
    }

    private static MemberRecord member(String id, String orgCode, String period) {
        return copy(member, Map.of("memberId", id, "orgCode", orgCode, "period", period));
    }

    private static Visit visit(String id, String orgCode, String date) {
        return copy(visit, Map.of("visitId", id, "orgCode", orgCode, "date", LocalDate.parse(date)));
    }

    /** A copy of a record with some components changed (the records have dozens of components). */
    private static <R extends Record> R copy(R record, Map<String, Object> changes) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                values[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(record);
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            @SuppressWarnings("unchecked")
            Constructor<R> constructor = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
