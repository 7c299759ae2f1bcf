package org.grassroots.assessment.evaluation;

/** Which group a rank is counted within. */
public enum RankScope {
    ALL, TYPE, PARENT
}
