package org.grassroots.assessment.server.export;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.organization.OrganizationRepository;
import org.grassroots.assessment.server.rectification.RectificationFilter;
import org.grassroots.assessment.server.rectification.RectificationList;
import org.grassroots.assessment.server.rectification.RectificationQuery;
import org.grassroots.assessment.server.rectification.RectificationView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the export of a stored evaluation: its result as issued, its record, and its parents' names. */
@Service
public class EvaluationExports {

    private final EvaluationRepository evaluations;
    private final OrganizationRepository organizations;
    private final RectificationQuery ledger;
    private final Clock clock;

    EvaluationExports(EvaluationRepository evaluations, OrganizationRepository organizations, RectificationQuery ledger,
            Clock clock) {
        this.evaluations = evaluations;
        this.organizations = organizations;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The export with every item of the ledger as of the evaluation's as-of date.
     *
     * @throws org.grassroots.assessment.server.web.NotFoundException for an unknown id
     */
    @Transactional(readOnly = true)
    public EvaluationExport load(long id) {
        return load(id, null, null, false);
    }

    /**
     * The export whose 整改台账 sheet lists what the ledger page lists for the same filters
     * ({@link RectificationFilter#ledger}) as of the evaluation's as-of date.
     *
     * @param orgCode an organization with its subtree, or null for all
     * @param status  a status name, or null for every status but WITHDRAWN
     * @throws org.grassroots.assessment.server.web.NotFoundException for an unknown id
     */
    @Transactional(readOnly = true)
    public EvaluationExport load(long id, String orgCode, String status, boolean overdue) {
        EvaluationSummary summary = evaluations.summary(id);
        EvaluationResult result = evaluations.load(id);
        RectificationList items = ledger.list(RectificationFilter.ledger(orgCode, status, overdue, result.asOf(), null));
        Map<String, String> names = parentNames(result);
        items.items().stream().map(RectificationView::orgCode).distinct()
                .filter(code -> !names.containsKey(code))
                .forEach(code -> organizations.find(code).ifPresent(o -> names.put(code, o.name())));
        return new EvaluationExport(id, result, summary.published(),
                OffsetDateTime.ofInstant(summary.createdAt(), clock.getZone()), names, items.items());
    }

    /** Names of the parents that were not evaluated themselves (townships, the district committee). */
    private Map<String, String> parentNames(EvaluationResult result) {
        Set<String> evaluated = result.organizations().stream().map(OrganizationResult::code).collect(Collectors.toSet());
        Map<String, String> names = new HashMap<>();
        result.organizations().stream()
                .map(OrganizationResult::parentCode)
                .filter(Objects::nonNull)
                .filter(code -> !evaluated.contains(code))
                .distinct()
                .forEach(code -> organizations.find(code).ifPresent(o -> names.put(code, o.name())));
        return names;
    }
}
