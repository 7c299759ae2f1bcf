package org.grassroots.assessment.evaluation;

/** V-00: the member earns no title this period, and why. */
public record MemberDisqualified(String memberId, String orgCode, String reason) implements OrgScoped {
}
