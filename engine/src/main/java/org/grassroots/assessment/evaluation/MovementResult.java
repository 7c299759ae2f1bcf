package org.grassroots.assessment.evaluation;

public record MovementResult(String orgCode, Movement movement) implements OrgScoped {
}
