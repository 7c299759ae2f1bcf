package org.grassroots.assessment.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.evaluation.AssessmentWindow;
import org.grassroots.assessment.evaluation.ChecklistItem;
import org.grassroots.assessment.evaluation.SeverityFactor;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.Severity;
import org.kie.api.runtime.KieSession;

/**
 * The inspection checklist catalog and severity factors as a rule set declares them (the catalog
 * lives in the DRL, policy section 2), for pages and for opening rectification items when a visit
 * is posted.
 */
public record RuleCatalog(List<ChecklistItem> items, Map<Severity, SeverityFactor> severities) {

    public RuleCatalog {
        items = List.copyOf(items);
        severities = Map.copyOf(severities);
    }

    /** Runs the rule set's catalog rules once, with nothing to evaluate. */
    public static RuleCatalog of(RuleSet rules) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            Period period = new Period(LocalDate.now().getYear(), 0);
            session.insert(AssessmentWindow.of(period, period.end()));
            session.fireAllRules(10_000);
            List<ChecklistItem> items = new ArrayList<>();
            Map<Severity, SeverityFactor> severities = new EnumMap<>(Severity.class);
            for (Object o : session.getObjects()) {
                if (o instanceof ChecklistItem c) {
                    items.add(c);
                } else if (o instanceof SeverityFactor s) {
                    severities.put(s.severity(), s);
                }
            }
            items.sort(Comparator.comparing(ChecklistItem::item));
            return new RuleCatalog(items, severities);
        } finally {
            session.dispose();
        }
    }

    public Optional<ChecklistItem> item(String code) {
        return items.stream().filter(i -> i.item().equals(code)).findFirst();
    }

    /** The severity in effect for a finding: the inspector's, or the catalog's default. */
    public Severity severityOf(String item, Severity chosen) {
        return chosen != null ? chosen : item(item).map(ChecklistItem::defaultSeverity).orElse(Severity.MINOR);
    }

    /** Days a finding of this severity gets to be rectified, counted from the visit date. */
    public int rectifyDays(Severity severity) {
        SeverityFactor f = severities.get(severity);
        if (f == null) {
            throw new IllegalStateException("the rule set declares no factor for severity " + severity);
        }
        return f.rectifyDays();
    }
}
