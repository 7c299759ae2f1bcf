package org.grassroots.assessment.evaluation;

/** Share of the organization's members with at least one title. */
public record VanguardRate(String orgCode, long titled, int members, double rate) {
}
