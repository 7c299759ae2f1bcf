package org.grassroots.assessment.evaluation;

/** Competition rank (1, 2, 2, 4) of an organization within a scope; {@code group} names the type or parent. */
public record Rank(String orgCode, RankScope scope, String group, int rank) {
}
