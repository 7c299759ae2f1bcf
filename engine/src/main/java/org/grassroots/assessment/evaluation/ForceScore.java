package org.grassroots.assessment.evaluation;

/** A force (one of 三力): the clamped sum of its lines. */
public record ForceScore(String orgCode, Dimension dimension, double value) implements OrgScoped {
}
