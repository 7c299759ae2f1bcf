package org.grassroots.assessment.evaluation;

public record Composite(String orgCode, double value) implements OrgScoped {
}
