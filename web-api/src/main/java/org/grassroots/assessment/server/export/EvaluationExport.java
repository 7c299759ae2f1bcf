package org.grassroots.assessment.server.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.server.rectification.RectificationView;

/**
 * What an export is made of: a stored evaluation's result and the facts about it that the
 * evaluation office reads beside the numbers.
 *
 * @param evaluationId      the stored evaluation's id
 * @param result            the engine's result (period, as-of date, rule set version and checksum)
 * @param published         whether it is the period's official grades
 * @param createdAt         when it was run, in the district's time zone
 * @param organizationNames names of organizations by code, for parents that were not evaluated
 *                          themselves (the result's own names take precedence); may be empty
 * @param ledger            the rectification list (整改台账) as the ledger page lists it for the
 *                          export's filters and the evaluation's as-of date, open items of earlier
 *                          periods included; null when the export is made without the server's
 *                          ledger, and the sheet then lists the evaluation's own items
 */
public record EvaluationExport(
        long evaluationId,
        EvaluationResult result,
        boolean published,
        OffsetDateTime createdAt,
        Map<String, String> organizationNames,
        List<RectificationView> ledger) {

    /** An export of the result alone: its 整改台账 sheet lists the evaluation's own items. */
    public EvaluationExport(long evaluationId, EvaluationResult result, boolean published, OffsetDateTime createdAt,
            Map<String, String> organizationNames) {
        this(evaluationId, result, published, createdAt, organizationNames, null);
    }

    public EvaluationExport {
        ledger = ledger == null ? null : List.copyOf(ledger);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(createdAt, "createdAt");
        Map<String, String> names = new HashMap<>(organizationNames == null ? Map.of() : organizationNames);
        for (OrganizationResult org : result.organizations()) {
            names.put(org.code(), org.name());
        }
        names.values().removeIf(Objects::isNull);
        organizationNames = Map.copyOf(names);
    }

    public String period() {
        return result.period();
    }

    public LocalDate asOf() {
        return result.asOf();
    }

    public String ruleSetVersion() {
        return result.ruleSet().version();
    }

    public String ruleSetChecksum() {
        return result.ruleSet().checksum();
    }

    /** The organization's name, or null when neither the result nor the directory knows it. */
    public String nameOf(String code) {
        return code == null ? null : organizationNames.get(code);
    }
}
