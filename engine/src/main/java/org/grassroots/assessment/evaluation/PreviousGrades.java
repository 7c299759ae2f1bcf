package org.grassroots.assessment.evaluation;

import java.util.Map;
import java.util.Optional;

/** Where movement's previous tier comes from: stored evaluations in the server, on the fly offline. */
@FunctionalInterface
public interface PreviousGrades {

    PreviousGrades NONE = code -> Optional.empty();

    Optional<Tier> tierOf(String orgCode);

    static PreviousGrades of(Map<String, Tier> tiers) {
        Map<String, Tier> copy = Map.copyOf(tiers);
        return code -> Optional.ofNullable(copy.get(code));
    }
}
