package org.grassroots.assessment.evaluation;

public record MemberTitle(String memberId, String orgCode, VanguardTitle title) implements OrgScoped {
}
