package org.grassroots.assessment.evaluation;

/** One line of an organization's explanation, as published. */
public record ExplanationLine(String rule, Dimension dimension, double points, String reason) {
}
