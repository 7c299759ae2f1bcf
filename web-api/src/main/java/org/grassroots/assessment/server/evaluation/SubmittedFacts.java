package org.grassroots.assessment.server.evaluation;

import java.util.List;
import org.grassroots.assessment.model.PeriodFacts;

/**
 * The facts organizations reported for a period that are not approved yet, each organization's
 * whole record as it would be if they were: what an evaluation on {@link FactBasis#LATEST} reads
 * instead of the stored facts. The self-report module provides it.
 */
public interface SubmittedFacts {

    List<PeriodFacts> latest(String period);
}
