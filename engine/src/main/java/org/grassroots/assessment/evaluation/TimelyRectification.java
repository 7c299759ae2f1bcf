package org.grassroots.assessment.evaluation;

/** CB-06: an inspection item that fell due in the window, and whether it was reported fixed in time. */
public record TimelyRectification(String orgCode, String visitId, int position, boolean onTime) {
}
