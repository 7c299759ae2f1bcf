package org.grassroots.assessment.server.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.ruleset.RuleCatalog;

/**
 * A finding as the API shows it: its position in the visit, the severity in effect (the
 * inspector's, or the catalog's default when {@code severityFromCatalog}), the item's name, the
 * rectification item it opened, and whether it was withdrawn (a withdrawn finding counts for nothing).
 */
@JsonPropertyOrder({"position", "item", "itemName", "severity", "severityFromCatalog", "deduction", "note", "evidence",
        "rectificationItemId", "withdrawn"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingView(
        int position,
        String item,
        String itemName,
        Severity severity,
        boolean severityFromCatalog,
        Integer deduction,
        String note,
        List<String> evidence,
        Long rectificationItemId,
        @JsonInclude(JsonInclude.Include.ALWAYS) Withdrawal withdrawn) {

    static FindingView of(StoredFinding stored, RuleCatalog catalog, Long itemId) {
        Finding f = stored.finding();
        String name = catalog.item(f.item()).map(i -> i.name()).orElse(null);
        return new FindingView(stored.position(), f.item(), name, catalog.severityOf(f.item(), f.severity()),
                f.severity() == null, f.deduction(), f.note(), f.evidence(), itemId, stored.withdrawal());
    }
}
