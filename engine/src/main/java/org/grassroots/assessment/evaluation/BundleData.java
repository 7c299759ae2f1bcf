package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.rectification.RectificationHistory;

/** A validated bundle indexed for evaluation, read-only after construction. */
public final class BundleData implements AssessmentData {

    private final Map<String, Organization> organizations = new HashMap<>();
    private final Map<String, PeriodFacts> facts = new HashMap<>();
    private final Map<String, List<MemberRecord>> members = new HashMap<>();
    private final Map<String, List<Visit>> visits = new HashMap<>();
    private final Map<String, Visit> visitsById = new HashMap<>();

    public BundleData(Bundle bundle) {
        bundle.organizations().forEach(o -> organizations.put(o.code(), o));
        bundle.periodFacts().forEach(f -> facts.put(key(f.orgCode(), f.period()), f));
        bundle.members().forEach(m -> members.computeIfAbsent(key(m.orgCode(), m.period()), k -> new ArrayList<>()).add(m));
        for (Visit v : bundle.visits()) {
            visits.computeIfAbsent(v.orgCode(), k -> new ArrayList<>()).add(v);
            visitsById.put(v.visitId(), v);
        }
        visits.values().forEach(list -> list.sort(Comparator.comparing(Visit::date).thenComparing(Visit::visitId)));
    }

    @Override
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

    @Override
    public PeriodFacts facts(String orgCode, Period period) {
        return facts.get(key(orgCode, period.toString()));
    }

    @Override
    public List<MemberRecord> members(String orgCode, Period period) {
        return members.getOrDefault(key(orgCode, period.toString()), List.of());
    }

    @Override
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

    @Override
    public RectificationHistory findingHistory(String visitId, int position) {
        Visit v = visitsById.get(visitId);
        if (v == null || position < 0 || position >= v.findings().size()) {
            return RectificationHistory.NONE;
        }
        return RectificationHistory.imported(v.findings().get(position).rectification());
    }

    private static String key(String orgCode, String period) {
        return orgCode + '\u0000' + period;
    }
}
