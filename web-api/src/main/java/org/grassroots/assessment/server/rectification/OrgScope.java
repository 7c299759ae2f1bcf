package org.grassroots.assessment.server.rectification;

import java.util.Collection;
import java.util.List;

/**
 * Which organizations a query reads, as an SQL condition on an organization-code column: all of
 * them, one, or a given set.
 */
public record OrgScope(String template, List<Object> args) {

    private static final OrgScope ALL = new OrgScope(null, List.of());

    public OrgScope {
        args = List.copyOf(args);
    }

    public static OrgScope all() {
        return ALL;
    }

    public static OrgScope organization(String code) {
        return new OrgScope("%s = ?", List.of(code));
    }

    public static OrgScope organizations(Collection<String> codes) {
        if (codes.isEmpty()) {
            return new OrgScope("1 = 0 and %s is null", List.of());
        }
        String marks = String.join(", ", java.util.Collections.nCopies(codes.size(), "?"));
        return new OrgScope("%s in (" + marks + ")", List.copyOf(codes));
    }

    /**
     * The organizations whose codes lie between two codes, both included, in the database's order of
     * codes (a district read in batches: each batch a run of consecutive codes as the database sorts them).
     */
    public static OrgScope range(String first, String last) {
        return new OrgScope("(%1$s >= ? and %1$s <= ?)", List.of(first, last));
    }

    /** The condition on the column, e.g. {@code v.org_code = ?}; its arguments are {@link #args()}. */
    public String condition(String column) {
        return template == null ? "1 = 1" : String.format(template, column);
    }

    /** Every organization: no condition. */
    public boolean isAll() {
        return template == null;
    }
}
