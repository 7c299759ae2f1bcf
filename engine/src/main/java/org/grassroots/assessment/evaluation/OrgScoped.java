package org.grassroots.assessment.evaluation;

/** A result fact that belongs to one organization; lets the evaluator route what a batch produced. */
public interface OrgScoped {

    String orgCode();
}
