package org.grassroots.assessment.server.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.server.organization.MemberRepository;
import org.grassroots.assessment.server.organization.StorageLimits;
import org.grassroots.assessment.server.visit.VisitStorageLimits;

/**
 * The checks of a bundle that the reader cannot make alone, in document order: what the columns
 * can store, and that period facts replacing stored ones do not count fewer members than the member
 * records stored for them (where the bundle also carries member records of that organization and
 * period, the reader has counted them already).
 */
final class ImportChecks {

    private ImportChecks() {
    }

    static List<Problem> check(Bundle bundle, MemberRepository members) {
        Set<String> withMembersInBundle = new HashSet<>();
        for (MemberRecord m : bundle.members()) {
            withMembersInBundle.add(m.orgCode() + '\u0000' + m.period());
        }
        Map<String, Map<String, Integer>> storedCounts = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<PeriodFacts> facts = bundle.periodFacts();
        for (int i = 0; i < facts.size(); i++) {
            PeriodFacts f = facts.get(i);
            String path = "/periodFacts/" + i;
            problems.addAll(StorageLimits.check(f, path));
            if (withMembersInBundle.contains(f.orgCode() + '\u0000' + f.period())) {
                continue;
            }
            int stored = storedCounts.computeIfAbsent(f.period(), members::countsByOrganization)
                    .getOrDefault(f.orgCode(), 0);
            if (stored > f.members()) {
                problems.add(new Problem(path + "/members", "must be at least the " + stored
                        + " member records stored for " + f.orgCode() + " in " + f.period()));
            }
        }
        for (int i = 0; i < bundle.visits().size(); i++) {
            problems.addAll(VisitStorageLimits.check(bundle.visits().get(i), "/visits/" + i));
        }
        return problems;
    }
}
