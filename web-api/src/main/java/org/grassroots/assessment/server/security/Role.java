package org.grassroots.assessment.server.security;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do (issue 5); an {@link #ORG_REP} is further limited to one organization's subtree. */
public enum Role {
    ADMIN("系统管理员"),
    RULE_MAINTAINER("规则维护员"),
    EVALUATOR("考核办"),
    INSPECTOR("督查组"),
    ORG_REP("基层党组织联络员");

    /** Everyone who works in the organization department (all but the organizations' representatives). */
    public static final Set<Role> STAFF = EnumSet.of(ADMIN, RULE_MAINTAINER, EVALUATOR, INSPECTOR);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
