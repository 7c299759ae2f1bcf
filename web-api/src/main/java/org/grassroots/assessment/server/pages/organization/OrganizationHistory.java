package org.grassroots.assessment.server.pages.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An organization's grades over the periods: from each period's official (published, else latest) evaluation. */
@Component
class OrganizationHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One period's line of the history. */
    record Line(String period, boolean published, double composite, String tier, int rank, String movement) {
    }

    private final EvaluationRepository evaluations;

    OrganizationHistory(EvaluationRepository evaluations) {
        this.evaluations = evaluations;
    }

    List<Line> of(String code) {
        Set<String> periods = new TreeSet<>();
        evaluations.list(null).forEach(e -> periods.add(e.period()));
        List<Line> lines = new ArrayList<>();
        for (String period : periods) {
            evaluations.officialOf(period).ifPresent(id -> {
                EvaluationSummary summary = evaluations.summary(id);
                try {
                    JsonNode r = JSON.readTree(evaluations.organization(id, code).resultJson());
                    lines.add(new Line(period, summary.published(), r.path("composite").asDouble(),
                            label(Tier.class, r.path("tier").asString("")), r.path("rank").asInt(),
                            label(Movement.class, r.path("movement").asString(""))));
                } catch (NotFoundException notEvaluated) {
                    // the organization was not part of that period's evaluation
                }
            });
        }
        return lines;
    }

    /** The line of {@code period} in {@code lines} when that period's evaluation is published, else null. */
    static Line publishedIn(List<Line> lines, String period) {
        return lines.stream().filter(l -> l.period().equals(period) && l.published()).findFirst().orElse(null);
    }

    private static <E extends Enum<E>> String label(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e instanceof Tier t ? t.label() : ((Movement) e).label();
            }
        }
        return "";
    }
}
