package org.grassroots.assessment.server.organization;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.grassroots.assessment.bundle.StoredRecords;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database holds, for the cross-references of a bundle being validated. Use one instance
 * per read (it remembers which periods have member records at all, so a first import of a large
 * bundle asks nothing per organization); run the read in the transaction that then writes.
 */
public final class DatabaseStoredRecords implements StoredRecords {

    private final JdbcClient jdbc;
    private final Map<String, Boolean> periodHasMembers = new HashMap<>();

    public DatabaseStoredRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredOrganization> organization(String code) {
        return jdbc.sql("select code, parent_code from organization where code = ?").param(code)
                .query((rs, n) -> new StoredOrganization(rs.getString("code"), rs.getString("parent_code")))
                .optional();
    }

    @Override
    public OptionalInt factMembers(String orgCode, String period) {
        return jdbc.sql("select members from period_facts where org_code = ? and period = ?").params(orgCode, period)
                .query(Integer.class).optional().map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public Set<String> memberIds(String orgCode, String period) {
        boolean any = periodHasMembers.computeIfAbsent(period, p -> jdbc
                .sql("select 1 from member_record where period = ? fetch first 1 rows only").param(p)
                .query(Integer.class).optional().isPresent());
        if (!any) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select member_id from member_record where org_code = ? and period = ?")
                .params(orgCode, period).query(String.class).list());
    }
}
