package org.grassroots.assessment.server.audit;

/**
 * What a write did, stored by name in {@code audit_entry.action}. New kinds may be added; a name is
 * never renamed or removed (stored entries keep it, and the chain hashes it).
 */
public enum AuditAction {
    /** A bundle imported ({@code POST /api/import}, the demo district). Target {@code import:<digest prefix>}. */
    IMPORT,
    /** A new visit stored ({@code POST /api/visits}). Target {@code visit:<visitId>}. */
    VISIT_RECORDED,
    /** A finding withdrawn with a reason. Target {@code visit:<visitId>/findings/<position>}. */
    FINDING_WITHDRAWN,
    /** An evaluation run and stored. Target {@code evaluation:<id>}. */
    EVALUATION_RUN,
    /** An evaluation published as its period's official grades. Target {@code evaluation:<id>}. */
    EVALUATION_PUBLISHED,
    /** An unpublished evaluation deleted by the office (a trial run). Target {@code evaluation:<id>}. */
    EVALUATION_DISCARDED,
    /** An evaluation's inputs evaluated again under another rule version and stored beside it. Target {@code evaluation:<id>}. */
    EVALUATION_RESTATED,
    /** Rectification lifecycle steps. Target {@code rectification:<itemId>}. */
    RECTIFICATION_SUBMITTED,
    RECTIFICATION_VERIFIED,
    RECTIFICATION_REJECTED,
    /** A rule set version stored as a draft. Target {@code ruleset:<versionId>}. */
    RULESET_DRAFTED,
    /** A rule set version made active (a draft, or the shipped set on first start). Target {@code ruleset:<versionId>}. */
    RULESET_ACTIVATED,
    /** A version that was active before made active again. Target {@code ruleset:<versionId>}. */
    RULESET_ROLLED_BACK,
    /**
     * At start, the stored ACTIVE version was refused (the rule-language fence, or it no longer
     * compiles): evaluations use the shipped set until a version is activated. Target
     * {@code ruleset:<versionId>}; the content is the refusals.
     */
    RULESET_FALLBACK,
    /**
     * A rule set version approved by a second person after its impact notice (four-eyes activation).
     * Target {@code ruleset:<versionId>}; the content names the notice's digest, period and base.
     */
    RULESET_APPROVED,
    /** An approval refused because the approver is the version's author. Target {@code ruleset:<versionId>}. */
    RULESET_APPROVAL_REFUSED,
    /** An organization created or replaced. Target {@code organization:<code>}. */
    ORGANIZATION_UPDATED,
    /** An organization's period facts created or replaced. Target {@code organization:<code>/facts/<period>}. */
    FACTS_UPDATED,
    /** An online backup of the database written. Target {@code backup:<file name>}. */
    BACKUP_CREATED,
    /** Facts of a self-report submitted for review (issue 15). Target {@code selfreport:<code>/<period>}. */
    SELF_REPORT_SUBMITTED,
    /** Submitted facts approved or returned with reasons. Target {@code selfreport:<code>/<period>}. */
    SELF_REPORT_REVIEWED,
    /** The office's deadline for a period's self-reports set. Target {@code selfreport:<period>}. */
    SELF_REPORT_DEADLINE_SET,
    /**
     * An inspection plan proposed (issue 16). Target {@code plan:<id>}; the summary and the content
     * name the plan, its subtree and its number of visits, never a planned day (covert dates are secret).
     */
    INSPECTION_PLAN_CREATED,
    /** A planned visit's team or day changed, or a visit taken out of a plan. Target {@code plan:<id>}; no day is named. */
    INSPECTION_PLAN_CHANGED,
    /** An inspection plan confirmed. Target {@code plan:<id>}. */
    INSPECTION_PLAN_CONFIRMED,
    /** An inspection plan read, by whom: the record that a secret schedule was seen. Target {@code plan:<id>}. */
    INSPECTION_PLAN_READ,
    /** An inspector's team, home organization or lead flag set. Target {@code inspector:<username>}. */
    INSPECTOR_PROFILE_SET,
    /** A user added. Target {@code user:<username>}. */
    USER_CREATED,
    /** A user's role, organization, name, password or enabled state changed (users are never deleted). */
    USER_UPDATED,
    /**
     * A sensitivity analysis of an evaluation started (issue 18, 倒排说明): constants of its rule set
     * moved by ±10 % in what-if runs, the counts kept. Target {@code evaluation:<id>}.
     */
    SENSITIVITY_REQUESTED
}
