package org.grassroots.assessment.server.bottom;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.evaluation.Dimension;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;

/**
 * The reverse-ranked list (倒排) of a stored evaluation explained: per type that has a list, the
 * cut-off (the composite of the highest-placed organization on it), the organizations on the list
 * and those within {@code borderlinePoints} of the cut-off on either side, each with the lines where it
 * lost most against the median of its type.
 */
public record BottomList(long evaluationId, String period, LocalDate asOf, String ruleSetVersion,
        double borderlinePoints, List<TypeList> types) {

    /**
     * {@code organizations}: how many of the type were ranked; {@code listed}: how many are on the list;
     * {@code cutOff}: the composite of the highest-placed of them.
     */
    public record TypeList(OrgType type, String typeLabel, int organizations, int listed, double cutOff,
            List<Entry> entries) {
    }

    /**
     * One organization: on the list ({@code reverseRanked}) and/or {@code borderline};
     * {@code distance} = composite − cut-off.
     */
    public record Entry(String code, String name, int rankInType, double composite, Tier tier, boolean reverseRanked,
            boolean borderline, double distance, List<Loss> losses) {
    }

    /**
     * A rule's lines for the organization against the median over its type ({@code points} and
     * {@code median} in the line's own dimension; {@code loss} = median − points), with the lines'
     * reasons, which state the facts they were computed from.
     */
    public record Loss(String rule, Dimension dimension, double points, double median, double loss,
            List<String> reasons) {
    }
}
