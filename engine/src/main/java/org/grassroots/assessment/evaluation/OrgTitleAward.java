package org.grassroots.assessment.evaluation;

public record OrgTitleAward(String orgCode, OrgTitle title, String reason) implements OrgScoped {
}
