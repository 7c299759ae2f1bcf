package org.grassroots.assessment.evaluation;

/** The organization's tier in the previous period, which movement (晋位升级) compares with. */
public record PreviousGrade(String orgCode, Tier tier) {
}
