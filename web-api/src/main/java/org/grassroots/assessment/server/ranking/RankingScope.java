package org.grassroots.assessment.server.ranking;

/** Which group ranks are counted within (policy section 6). */
public enum RankingScope {
    ALL, TYPE, PARENT
}
