package org.grassroots.assessment.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.KieServices;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The district phase: runs the ranking rules over the finished results of every organization and
 * returns the results in rank order (ties listed by code) with ranks and ranking flags set.
 */
final class DistrictPhase {

    private final CompiledRules rules;
    private final int firingsPerOrganization;
    private final Deadline deadline;

    /** Ranking stops, like an organization's evaluation, at the firing limit or the deadline. */
    DistrictPhase(CompiledRules rules, int firingsPerOrganization, Deadline deadline) {
        this.rules = rules;
        this.firingsPerOrganization = firingsPerOrganization;
        this.deadline = deadline;
    }

    List<OrganizationResult> rank(List<OrganizationResult> results) {
        return rank(results, null);
    }

    /** Ranks; a non-null listener records the rules that fire. */
    List<OrganizationResult> rank(List<OrganizationResult> results, CoverageListener listener) {
        if (results.isEmpty()) {
            return List.of();
        }
        List<Object> candidates = new ArrayList<>(results.size());
        for (OrganizationResult r : results) {
            candidates.add(new RankCandidate(r.code(), r.type(), r.parentCode(), r.composite(), r.combat(),
                    r.inspectionScore()));
        }
        KieCommands commands = KieServices.get().getCommands();
        StatelessKieSession session = rules.newSession();
        if (listener != null) {
            session.addEventListener(listener);
        }
        FiringGuard guard = new FiringGuard(results.size(), firingsPerOrganization, deadline);
        session.addEventListener(guard);
        ExecutionResults out = session.execute(commands.newBatchExecution(List.of(
                commands.newInsertElements(candidates),
                commands.newFireAllRules(),
                commands.newGetObjects("objects"))));
        guard.throwIfStopped();

        Map<String, Map<RankScope, Integer>> ranks = new HashMap<>();
        Map<String, List<OrgFlag>> flags = new HashMap<>();
        for (Object o : (Iterable<?>) out.getValue("objects")) {
            if (o instanceof Rank r) {
                ranks.computeIfAbsent(r.orgCode(), k -> new TreeMap<>()).put(r.scope(), r.rank());
            } else if (o instanceof OrgFlag f) {
                flags.computeIfAbsent(f.orgCode(), k -> new ArrayList<>()).add(f);
            }
        }

        List<OrganizationResult> ranked = new ArrayList<>(results.size());
        for (OrganizationResult r : results) {
            Map<RankScope, Integer> own = ranks.get(r.code());
            if (own == null || !own.containsKey(RankScope.ALL)) {
                throw new IncompleteResultException(r.code(), List.of("rank"));
            }
            Set<Flag> allFlags = EnumSet.noneOf(Flag.class);
            allFlags.addAll(r.flags());
            Map<String, String> reasons = new TreeMap<>(r.reasons());
            for (OrgFlag f : flags.getOrDefault(r.code(), List.of())) {
                allFlags.add(f.flag());
                reasons.put(f.flag().name(), f.reason());
            }
            ranked.add(r.ranked(own.get(RankScope.ALL), own.getOrDefault(RankScope.TYPE, 0),
                    own.getOrDefault(RankScope.PARENT, 0), List.copyOf(allFlags), reasons));
        }
        ranked.sort(Comparator.comparingInt(OrganizationResult::rank).thenComparing(OrganizationResult::code));
        return ranked;
    }
}
