package org.grassroots.assessment.server.importing.xlsx;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.grassroots.assessment.ruleset.RuleCatalog;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.evaluation.RuleSetInForce;
import org.springframework.stereotype.Component;

/**
 * The workbook layout and the rules that read each column, for the rule set in force: worked out
 * once per rule set (its checklist items and its DRL text decide them).
 */
@Component
public class WorkbookLayouts {

    /** The layout of one rule set and the readers of its columns. */
    public record Current(RuleSet rules, WorkbookLayout layout, RuleReaders readers) {
    }

    private final RuleSetInForce rules;
    private final AtomicReference<Current> last = new AtomicReference<>();

    WorkbookLayouts(RuleSetInForce rules) {
        this.rules = rules;
    }

    public Current current() {
        RuleSet set = rules.get();
        Current entry = last.get();
        if (entry == null || entry.rules() != set) {
            WorkbookLayout layout = WorkbookLayout.of(RuleCatalog.of(set));
            Set<String> fields = new LinkedHashSet<>();
            for (SheetLayout sheet : layout.sheets()) {
                for (Column column : sheet.columns()) {
                    if (column.factType() != null) {
                        fields.add(column.factType() + "." + column.factField());
                    }
                }
            }
            entry = new Current(set, layout, RuleReaders.of(set.files(), fields));
            last.set(entry);
        }
        return entry;
    }
}
