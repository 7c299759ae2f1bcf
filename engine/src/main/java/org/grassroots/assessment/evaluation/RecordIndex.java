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
 *
 * <p>Facts and members are kept per period, then per organization code: a look-up is two hash
 * look-ups on objects whose hashes are cached (the {@link Period} record, the code string), not a
 * key string built per look-up. Visits are kept in date order per organization, so the visits up to
 * a date are a prefix found by binary search.
 */
public final class RecordIndex {

    private final Map<String, Organization> organizations = new HashMap<>();
    /** The records of each period as the records spell it ("2026", "2026-Q3"). */
    private final Map<String, PeriodRecords> byText = new HashMap<>();
    /** The same tables by the period they name (only periods the records spell validly). */
    private final Map<Period, PeriodRecords> byPeriod = new HashMap<>();
    private final Map<String, List<Visit>> visits = new HashMap<>();

    // written out rather than Comparator.comparing(...) (whose shared lambda class makes the key
    // extractors megamorphic); the same orders
    private static final Comparator<Visit> VISIT_ORDER = (a, b) -> {
        int byDate = a.date().compareTo(b.date());
        return byDate != 0 ? byDate : a.visitId().compareTo(b.visitId());
    };
    private static final Comparator<MemberRecord> MEMBER_ORDER = (a, b) -> a.memberId().compareTo(b.memberId());

    /** One period's facts and member records by organization code. */
    private static final class PeriodRecords {
        final Map<String, PeriodFacts> facts = new HashMap<>();
        final Map<String, List<MemberRecord>> members = new HashMap<>();
    }

    public void add(Organization org) {
        organizations.put(org.code(), org);
    }

    public void add(PeriodFacts f) {
        records(f.period()).facts.put(f.orgCode(), f);
    }

    public void add(MemberRecord m) {
        records(m.period()).members.computeIfAbsent(m.orgCode(), k -> new ArrayList<>()).add(m);
    }

    public void add(Visit v) {
        visits.computeIfAbsent(v.orgCode(), k -> new ArrayList<>()).add(v);
    }

    private PeriodRecords records(String periodText) {
        PeriodRecords records = byText.get(periodText);
        if (records == null) {
            records = new PeriodRecords();
            byText.put(periodText, records);
            // a period spelled otherwise than Period#toString would never be found (as before)
            if (Period.isValid(periodText)) {
                Period period = Period.parse(periodText);
                if (period.toString().equals(periodText)) {
                    byPeriod.put(period, records);
                }
            }
        }
        return records;
    }

    /** Puts visits in date order and members in id order; call once everything is added. */
    public void seal() {
        visits.values().forEach(l -> l.sort(VISIT_ORDER));
        byText.values().forEach(r -> r.members.values().forEach(l -> l.sort(MEMBER_ORDER)));
    }

    public boolean contains(String orgCode) {
        return organizations.containsKey(orgCode);
    }

    public Map<String, Organization> organizations() {
        return Collections.unmodifiableMap(organizations);
    }

    /** The organizations that have facts for the period, by code. */
    public List<Organization> organizationsWithFacts(Period period) {
        PeriodRecords records = byPeriod.get(period);
        if (records == null) {
            return new ArrayList<>();
        }
        List<Organization> result = new ArrayList<>(records.facts.size());
        for (String code : records.facts.keySet()) {
            result.add(organizations.get(code));
        }
        result.sort(Comparator.comparing(Organization::code));
        return result;
    }

    public PeriodFacts facts(String orgCode, Period period) {
        PeriodRecords records = byPeriod.get(period);
        return records == null ? null : records.facts.get(orgCode);
    }

    public List<MemberRecord> members(String orgCode, Period period) {
        PeriodRecords records = byPeriod.get(period);
        return records == null ? List.of() : records.members.getOrDefault(orgCode, List.of());
    }

    /**
     * The organization's visits dated on or before the date, in date order: a read-only view of the
     * sealed list up to the first visit after the date.
     */
    public List<Visit> visitsUpTo(String orgCode, LocalDate date) {
        List<Visit> all = visits.get(orgCode);
        if (all == null) {
            return List.of();
        }
        int end = firstAfter(all, date);
        return end == all.size() ? Collections.unmodifiableList(all) : Collections.unmodifiableList(all.subList(0, end));
    }

    /** The position of the first visit dated after the date in a date-ordered list (its size if none). */
    static int firstAfter(List<Visit> inDateOrder, LocalDate date) {
        int low = 0;
        int high = inDateOrder.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (inDateOrder.get(mid).date().isAfter(date)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
