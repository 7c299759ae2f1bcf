package org.grassroots.assessment.evaluation;

import java.time.LocalDate;

/**
 * An inspection visit an organization is due (督查计划, the PL rules), inserted by the rules.
 *
 * @param rule   the rule id that makes it due (PL-01 …)
 * @param dueOn  the day it fell (or falls) due
 * @param covert whether it must be a covert visit (暗访); else open or covert
 * @param reason why, in Chinese, naming the facts
 */
public record DueVisit(String orgCode, String rule, LocalDate dueOn, boolean covert, String reason) {
}
