package org.grassroots.assessment.evaluation;

public record OrgFlag(String orgCode, Flag flag, String reason) implements OrgScoped {
}
