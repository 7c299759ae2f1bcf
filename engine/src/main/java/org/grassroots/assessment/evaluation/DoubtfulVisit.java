package org.grassroots.assessment.evaluation;

/**
 * A visit whose place or time is in doubt (位置或时间存疑, PL-04), inserted by the planning rules. The
 * visit still counts: the office decides.
 *
 * @param rule   the rule id (PL-04)
 * @param reason why, in Chinese, naming the distance or the dates
 */
public record DoubtfulVisit(String orgCode, String visitId, String rule, String reason) {
}
