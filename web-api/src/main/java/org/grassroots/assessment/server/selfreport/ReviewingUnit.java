package org.grassroots.assessment.server.selfreport;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.Organization;

/**
 * Who approves an organization's self-report (issue 15): its parent committee, the nearest
 * committee above it that is not the district's own (a township's or street's 党委/党工委), whose
 * representative reviews; an organization with no such committee above it (a township itself, the
 * district's organs and enterprises) is reviewed by the evaluation office.
 *
 * @param committeeCode the reviewing committee's code, or null for the office
 */
public record ReviewingUnit(String committeeCode, String name) {

    /** The office's name as the progress table shows it. */
    public static final String OFFICE_NAME = "区直（考核办审核）";

    public static ReviewingUnit office() {
        return new ReviewingUnit(null, OFFICE_NAME);
    }

    public boolean isOffice() {
        return committeeCode == null;
    }

    /** The unit of an organization, given every organization by code. */
    static ReviewingUnit of(Organization org, Map<String, Organization> byCode) {
        return of(org.code(), c -> Optional.ofNullable(byCode.get(c)));
    }

    /** The unit of an organization, looking organizations up one at a time. */
    static ReviewingUnit of(String code, Function<String, Optional<Organization>> find) {
        Optional<Organization> org = find.apply(code);
        String parent = org.map(Organization::parentCode).orElse(null);
        int steps = 0;
        while (parent != null && steps++ < 100) {
            Optional<Organization> above = find.apply(parent);
            if (above.isEmpty()) {
                break;
            }
            if (above.get().level() == OrgLevel.COMMITTEE && above.get().parentCode() != null) {
                return new ReviewingUnit(above.get().code(), above.get().name());
            }
            parent = above.get().parentCode();
        }
        return office();
    }
}
