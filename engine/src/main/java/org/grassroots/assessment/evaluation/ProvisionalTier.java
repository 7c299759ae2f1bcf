package org.grassroots.assessment.evaluation;

/** The tier before the G-01 cap. */
public record ProvisionalTier(String orgCode, Tier tier) {
}
