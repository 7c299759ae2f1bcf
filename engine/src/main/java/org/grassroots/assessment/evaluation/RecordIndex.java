package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;

/**
 * Organizations, period facts, member records and visits indexed the way an evaluation reads them.
 * Whatever holds the records (a bundle, the database) fills one, seals it, and answers
 * {@link AssessmentData} from it; read-only once sealed, so evaluator threads may share it.
 */
public final class RecordIndex {

    private final Map<String, Organization> organizations = new HashMap<>();
    private final Map<String, PeriodFacts> facts = new HashMap<>();
    private final Map<String, List<MemberRecord>> members = new HashMap<>();
    private final Map<String, List<Visit>> visits = new HashMap<>();

    public void add(Organization org) {
        organizations.put(org.code(), org);
    }

    public void add(PeriodFacts f) {
        facts.put(key(f.orgCode(), f.period()), f);
    }

    public void add(MemberRecord m) {
        members.computeIfAbsent(key(m.orgCode(), m.period()), k -> new ArrayList<>()).add(m);
    }

    public void add(Visit v) {
        visits.computeIfAbsent(v.orgCode(), k -> new ArrayList<>()).add(v);
    }

    /** Puts visits in date order and members in id order; call once everything is added. */
    public void seal() {
        visits.values().forEach(l -> l.sort(Comparator.comparing(Visit::date).thenComparing(Visit::visitId)));
        members.values().forEach(l -> l.sort(Comparator.comparing(MemberRecord::memberId)));
    }

    public boolean contains(String orgCode) {
        return organizations.containsKey(orgCode);
    }

    public Map<String, Organization> organizations() {
        return Collections.unmodifiableMap(organizations);
    }

    /** The organizations that have facts for the period, by code. */
    public List<Organization> organizationsWithFacts(Period period) {
        String p = period.toString();
        List<Organization> result = new ArrayList<>();
        for (PeriodFacts f : facts.values()) {
            if (f.period().equals(p)) {
                result.add(organizations.get(f.orgCode()));
            }
        }
        result.sort(Comparator.comparing(Organization::code));
        return result;
    }

    public PeriodFacts facts(String orgCode, Period period) {
        return facts.get(key(orgCode, period.toString()));
    }

    public List<MemberRecord> members(String orgCode, Period period) {
        return members.getOrDefault(key(orgCode, period.toString()), List.of());
    }

    /** The organization's visits dated on or before the date, in date order. */
    public List<Visit> visitsUpTo(String orgCode, LocalDate date) {
        List<Visit> all = visits.getOrDefault(orgCode, List.of());
        List<Visit> upTo = new ArrayList<>(all.size());
        for (Visit v : all) {
            if (!v.date().isAfter(date)) {
                upTo.add(v);
            }
        }
        return upTo;
    }

    private static String key(String orgCode, String period) {
        return orgCode + '\u0000' + period;
    }
}
