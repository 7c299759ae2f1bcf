package org.grassroots.assessment.evaluation;

/** A situation that makes the organization weak and lax (软弱涣散), with its Chinese name. */
public record WeakTrigger(String orgCode, String rule, String situation) implements OrgScoped {
}
