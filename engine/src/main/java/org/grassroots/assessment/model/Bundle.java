package org.grassroots.assessment.model;

import java.util.List;

/** A validated fixture bundle (docs/formats.md section 1). */
public record Bundle(
        List<Organization> organizations,
        List<PeriodFacts> periodFacts,
        List<MemberRecord> members,
        List<Visit> visits) {

    public Bundle {
        organizations = List.copyOf(organizations);
        periodFacts = List.copyOf(periodFacts);
        members = List.copyOf(members);
        visits = List.copyOf(visits);
    }
}
