package org.grassroots.assessment.evaluation;

/** One explanation line: a rule's points toward a dimension, and the reason in Chinese. */
public record Line(String orgCode, String rule, Dimension dimension, double points, String reason) implements OrgScoped {
}
