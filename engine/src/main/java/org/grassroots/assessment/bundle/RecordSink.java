package org.grassroots.assessment.bundle;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;

/**
 * Where the records of a bundle go once each has passed its own checks, in document order, on the
 * pass's worker thread. Once a problem shows nothing is returned, and {@link #discard} is called.
 */
interface RecordSink<T> {

    void organization(Organization organization);

    void periodFacts(PeriodFacts facts);

    void member(MemberRecord member);

    void visit(Visit visit);

    /** A problem showed: nothing will be returned, so nothing more needs keeping. */
    void discard();

    /** What the read returns when there was no problem. */
    T result();

    /** Keeps every record: the whole bundle in memory. */
    static RecordSink<Bundle> inMemory() {
        return new RecordSink<>() {
            private final ArrayList<Organization> organizations = new ArrayList<>();
            private final ArrayList<PeriodFacts> periodFacts = new ArrayList<>();
            private final ArrayList<MemberRecord> members = new ArrayList<>();
            private final ArrayList<Visit> visits = new ArrayList<>();

            @Override
            public void organization(Organization organization) {
                organizations.add(organization);
            }

            @Override
            public void periodFacts(PeriodFacts facts) {
                periodFacts.add(facts);
            }

            @Override
            public void member(MemberRecord member) {
                members.add(member);
            }

            @Override
            public void visit(Visit visit) {
                visits.add(visit);
            }

            @Override
            public void discard() {
                for (ArrayList<?> records : List.of(organizations, periodFacts, members, visits)) {
                    records.clear();
                    records.trimToSize();
                }
            }

            @Override
            public Bundle result() {
                return new Bundle(organizations, periodFacts, members, visits);
            }
        };
    }
}
