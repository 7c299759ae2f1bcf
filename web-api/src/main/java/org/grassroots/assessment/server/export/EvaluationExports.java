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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the export of a stored evaluation: its result as issued, its record, and its parents' names. */
@Service
public class EvaluationExports {

    private final EvaluationRepository evaluations;
    private final OrganizationRepository organizations;
    private final Clock clock;

    EvaluationExports(EvaluationRepository evaluations, OrganizationRepository organizations, Clock clock) {
        this.evaluations = evaluations;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** @throws org.grassroots.assessment.server.web.NotFoundException for an unknown id */
    @Transactional(readOnly = true)
    public EvaluationExport load(long id) {
        EvaluationSummary summary = evaluations.summary(id);
        EvaluationResult result = evaluations.load(id);
        return new EvaluationExport(id, result, summary.published(),
                OffsetDateTime.ofInstant(summary.createdAt(), clock.getZone()), parentNames(result));
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
