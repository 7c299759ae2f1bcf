package org.grassroots.assessment.evaluation;

/** The organizational-life ratio R (组织生活) with the held/required detail that explains it. */
public record LifeRatio(String orgCode, double r, String detail) {
}
