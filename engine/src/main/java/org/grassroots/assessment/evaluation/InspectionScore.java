package org.grassroots.assessment.evaluation;

/** The weighted mean of the scores of an organization's visits in the window; absent when there is none. */
public record InspectionScore(String orgCode, double score, int visits, int covertVisits) implements OrgScoped {
}
