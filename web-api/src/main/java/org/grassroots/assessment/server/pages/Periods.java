package org.grassroots.assessment.server.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.springframework.stereotype.Component;

/** The period a page shows when none is asked for: the latest evaluated one, else this year. */
@Component
public class Periods {

    private final EvaluationRepository evaluations;
    private final Clock clock;

    Periods(EvaluationRepository evaluations, Clock clock) {
        this.evaluations = evaluations;
        this.clock = clock;
    }

    public String orDefault(String period) {
        if (period != null && !period.isBlank()) {
            return period.strip();
        }
        return evaluations.list(null).stream().map(EvaluationSummary::period).max(Comparator.naturalOrder())
                .orElse(Integer.toString(LocalDate.now(clock).getYear()));
    }
}
