package org.grassroots.assessment.server.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.organization.PeriodFactsRepository;
import org.springframework.stereotype.Component;

/** The period a page shows when none is asked for: the latest evaluated one, else this year. */
@Component
public class Periods {

    private final EvaluationRepository evaluations;
    private final PeriodFactsRepository facts;
    private final Clock clock;

    Periods(EvaluationRepository evaluations, PeriodFactsRepository facts, Clock clock) {
        this.evaluations = evaluations;
        this.facts = facts;
        this.clock = clock;
    }

    /** The periods with stored facts or an evaluation, newest first (a page's period choices). */
    public List<String> known() {
        TreeSet<String> known = new TreeSet<>(facts.allPeriods());
        evaluations.list(null).forEach(e -> known.add(e.period()));
        return List.copyOf(known.descendingSet());
    }

    public String orDefault(String period) {
        if (period != null && !period.isBlank()) {
            return period.strip();
        }
        return evaluations.list(null).stream().map(EvaluationSummary::period).max(Comparator.naturalOrder())
                .orElse(Integer.toString(LocalDate.now(clock).getYear()));
    }
}
