package org.grassroots.assessment.evaluation;

import java.time.LocalDate;

/** An organization's latest published tier (定级) and the day it was published, as of the planning day. */
public record PublishedGrade(String orgCode, Tier tier, LocalDate publishedOn) {
}
