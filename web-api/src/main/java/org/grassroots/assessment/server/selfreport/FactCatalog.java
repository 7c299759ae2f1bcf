package org.grassroots.assessment.server.selfreport;

import java.util.List;
import java.util.Set;
import org.grassroots.assessment.server.importing.xlsx.Column;
import org.grassroots.assessment.server.importing.xlsx.WorkbookLayouts;
import org.springframework.stereotype.Component;

/**
 * The facts an organization reports for a period, with their meaning, unit and the rules that read
 * them: the import workbook's 期间指标 columns (one table for the template, the 说明 sheet and this
 * form), the rule ids worked out from the rule set in force.
 */
@Component
public class FactCatalog {

    /** The columns of the sheet that are not facts: they say whose facts and which period. */
    private static final Set<String> KEYS = Set.of("orgCode", "period");

    /** One fact: its column and the ids of the rules that read it. */
    public record Fact(Column column, List<String> rules) {

        public String field() {
            return column.field();
        }

        /** The fact's name without its unit: 支部党员大会 of 支部党员大会（次）. */
        public String name() {
            return column.bareHeader();
        }

        /** The unit or range in the header's brackets (次, 名, 元, 0–1), or empty. */
        public String unit() {
            String header = column.header();
            int open = header.indexOf('（');
            return open < 0 ? "" : header.substring(open + 1, header.length() - 1);
        }
    }

    private final WorkbookLayouts layouts;

    FactCatalog(WorkbookLayouts layouts) {
        this.layouts = layouts;
    }

    /** Every fact, in the workbook's order. */
    public List<Fact> facts() {
        WorkbookLayouts.Current current = layouts.current();
        return current.layout().sheetOf("periodFacts").columns().stream()
                .filter(c -> !KEYS.contains(c.field()))
                .map(c -> new Fact(c, List.copyOf(current.readers().of(c.factType(), c.factField()))))
                .toList();
    }

    public Fact fact(String field) {
        return facts().stream().filter(f -> f.field().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a fact: " + field));
    }
}
