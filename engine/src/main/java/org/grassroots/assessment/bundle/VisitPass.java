package org.grassroots.assessment.bundle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.assessment.model.Visit;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The read of a single visit document (the body of {@code POST /api/visits}): the same checks as a
 * visit of a bundle, with paths relative to the visit, and its organization looked up in the store.
 */
final class VisitPass implements DocumentPass<Visit> {

    private final LocalDate today;
    private final StoredRecords stored;
    private final List<Problem> problems = new ArrayList<>();
    private JsonNode value;
    private Visit visit;

    VisitPass(LocalDate today, StoredRecords stored) {
        this.today = today;
        this.stored = stored;
    }

    @Override
    public void read(JsonParser parser) {
        value = new JsonTreeReader(parser).read(problems);
        ObjectFields fields = ObjectFields.of(value, "", problems, VisitFormat.FIELDS);
        if (fields == null) {
            return;
        }
        visit = VisitFormat.read(fields, today);
        if (visit.orgCode() != null && stored.organization(visit.orgCode()).isEmpty()) {
            fields.problem("orgCode", "unknown organization " + ValueText.quote(visit.orgCode()));
        }
    }

    @Override
    public Visit finish() throws BundleValidationException {
        if (!problems.isEmpty()) {
            DocumentOrder.sort(problems, value, "");
            throw new BundleValidationException(problems);
        }
        return visit;
    }
}
