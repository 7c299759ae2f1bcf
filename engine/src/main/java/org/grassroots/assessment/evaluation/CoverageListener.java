package org.grassroots.assessment.evaluation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Records, for every rule that fires, the organizations it fired for, found among the objects the
 * rule matched (a fact with an organization code, or the elements of a collected list). Rules
 * that match no such fact (the catalog) are recorded as fired for no organization. Only attached when coverage is asked for. Safe for sessions running in parallel.
 */
final class CoverageListener extends DefaultAgendaEventListener {

    private final Map<String, Set<String>> fired = new ConcurrentHashMap<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Set<String> orgs = fired.computeIfAbsent(event.getMatch().getRule().getName(), k -> ConcurrentHashMap.newKeySet());
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof java.util.Collection<?> collected) {
                // a rule that matched "List() from collect(RankCandidate())" fired for every element
                for (Object element : collected) {
                    add(orgs, orgCodeOf(element));
                }
            } else {
                add(orgs, orgCodeOf(o));
            }
        }
    }

    private static void add(Set<String> orgs, String code) {
        if (code != null) {
            orgs.add(code);
        }
    }

    /** The accessor of a record's {@code orgCode} component (LifeRatio, ProvisionalTier, …), if it has one. */
    private static final ClassValue<java.lang.reflect.Method> ORG_CODE = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method computeValue(Class<?> type) {
            if (type.isRecord()) {
                for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                    if (c.getName().equals("orgCode") && c.getType() == String.class) {
                        java.lang.reflect.Method m = c.getAccessor();
                        m.setAccessible(true);
                        return m;
                    }
                }
            }
            return null;
        }
    };

    static String orgCodeOf(Object o) {
        if (o instanceof OrgScoped s) {
            return s.orgCode();
        } else if (o instanceof Organization org) {
            return org.code();
        } else if (o instanceof PeriodFacts f) {
            return f.orgCode();
        } else if (o instanceof MemberRecord m) {
            return m.orgCode();
        } else if (o instanceof Visit v) {
            return v.orgCode();
        } else if (o instanceof InspectionFinding f) {
            return f.orgCode();
        } else if (o instanceof PreviousGrade g) {
            return g.orgCode();
        } else if (o instanceof RankCandidate c) {
            return c.code();
        } else if (o != null) {
            java.lang.reflect.Method accessor = ORG_CODE.get(o.getClass());
            if (accessor != null) {
                try {
                    return (String) accessor.invoke(o);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    Map<String, Set<String>> fired() {
        return fired;
    }
}
