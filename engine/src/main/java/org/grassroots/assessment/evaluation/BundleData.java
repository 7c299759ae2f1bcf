package org.grassroots.assessment.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.rectification.RectificationHistory;

/** A validated bundle indexed for evaluation, read-only after construction. */
public class BundleData extends IndexedAssessmentData {

    private final Map<String, Visit> visitsById = new HashMap<>();

    public BundleData(Bundle bundle) {
        bundle.organizations().forEach(index::add);
        bundle.periodFacts().forEach(index::add);
        bundle.members().forEach(index::add);
        for (Visit v : bundle.visits()) {
            index.add(v);
            visitsById.put(v.visitId(), v);
        }
        index.seal();
    }

    /** The bundle carries a finding's ledger state as dates; they stand for its lifecycle steps. */
    @Override
    public RectificationHistory findingHistory(String visitId, int position) {
        Visit v = visitsById.get(visitId);
        if (v == null || position < 0 || position >= v.findings().size()) {
            return RectificationHistory.NONE;
        }
        return RectificationHistory.imported(v.findings().get(position).rectification());
    }
}
