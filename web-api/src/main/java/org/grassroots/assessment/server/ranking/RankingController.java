package org.grassroots.assessment.server.ranking;

import java.util.Locale;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rankings (排名, 倒排 with {@code reverse=true}) of a stored evaluation, or of a period's official
 * evaluation: the published one, else the most recently run.
 */
@RestController
class RankingController {

    private static final int MAX_SIZE = 1000;

    private final RankingRepository rankings;
    private final EvaluationRepository evaluations;

    RankingController(RankingRepository rankings, EvaluationRepository evaluations) {
        this.rankings = rankings;
        this.evaluations = evaluations;
    }

    @GetMapping("/api/evaluations/{id}/rankings")
    RankingPage ofEvaluation(@PathVariable long id, @RequestParam(defaultValue = "all") String scope,
            @RequestParam(required = false) String type, @RequestParam(required = false) String parent,
            @RequestParam(defaultValue = "false") boolean reverse, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        RankingScope s = scope(scope);
        checkPaging(page, size);
        return rankings.page(id, s, group(s, type, parent), reverse, page, size);
    }

    @GetMapping("/api/rankings")
    RankingPage ofPeriod(@RequestParam String period, @RequestParam(defaultValue = "all") String scope,
            @RequestParam(required = false) String type, @RequestParam(required = false) String parent,
            @RequestParam(defaultValue = "false") boolean reverse, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!Period.isValid(period)) {
            throw new InvalidRequestException("/period", "period must be YYYY or YYYY-Qn (n 1–4): " + period);
        }
        RankingScope s = scope(scope);
        checkPaging(page, size);
        long id = evaluations.officialOf(period)
                .orElseThrow(() -> new NotFoundException("期间 " + period + " 还没有评估"));
        return rankings.page(id, s, group(s, type, parent), reverse, page, size);
    }

    private static RankingScope scope(String text) {
        try {
            return RankingScope.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("/scope", "scope must be all, type or parent: " + text);
        }
    }

    private static String group(RankingScope scope, String type, String parent) {
        if (scope == RankingScope.TYPE && type != null && !type.isBlank()) {
            try {
                return OrgType.valueOf(type).name();
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("/type", "unknown organization type: " + type);
            }
        }
        if (scope == RankingScope.PARENT && parent != null && !parent.isBlank()) {
            return parent;
        }
        return null;
    }

    private static void checkPaging(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("/size", "page must be ≥ 0 and size 1–" + MAX_SIZE);
        }
    }
}
