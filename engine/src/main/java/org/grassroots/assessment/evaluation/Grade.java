package org.grassroots.assessment.evaluation;

/** The organization's final tier. */
public record Grade(String orgCode, Tier tier) implements OrgScoped {
}
