package org.grassroots.assessment.model;

import java.util.List;

/**
 * One checklist finding of a visit. {@code severity} is null when the inspector kept the catalog's
 * default (the rules supply it); {@code deduction} is set only for C12 "other".
 */
public record Finding(
        String item,
        Severity severity,
        Integer deduction,
        String note,
        List<String> evidence,
        ImportedRectification rectification) {

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
