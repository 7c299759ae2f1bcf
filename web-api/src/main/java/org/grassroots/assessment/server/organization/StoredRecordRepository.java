package org.grassroots.assessment.server.organization;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.grassroots.assessment.bundle.StoredRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the database holds for the cross-references of a bundle being validated (the
 * {@link StoredRecords} a {@code BundleReader} asks).
 */
@Component
public class StoredRecordRepository {

    private final JdbcClient jdbc;

    public StoredRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh view for one read, to use in the transaction that then writes; it caches what it read. */
    public StoredRecords forOneRead() {
        return new OneRead(jdbc);
    }

    /**
     * What the database holds, for the cross-references of a bundle being validated. Use one instance
     * per read, in the transaction that then writes. It remembers which periods have member records at
     * all; the member ids are read for one organization and period at a time (indexed), so what it
     * holds stays the size of one organization's records however large the stored district is (reading
     * a whole period's ids once many were asked held every stored member id of the period: at 90,000
     * stored organizations that was 5.4 million ids a period, more than a 1 GiB heap).
     */
    static final class OneRead implements StoredRecords {

        private final JdbcClient jdbc;
        private final Map<String, Boolean> periodHasMembers = new HashMap<>();

        OneRead(JdbcClient jdbc) {
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
                    .sql("select 1 from member_roll where period = ? fetch first 1 rows only").param(p)
                    .query(Integer.class).optional().isPresent());
            if (!any) {
                return Set.of();
            }
            // the roll's memberIds kept beside it: a tenth of the roll, nothing to parse
            return jdbc.sql("select member_ids from member_roll_ids where org_code = ? and period = ?")
                    .params(orgCode, period).query(String.class).optional()
                    .<Set<String>>map(ids -> new HashSet<>(Arrays.asList(MemberRoll.idsOf(ids)))).orElse(Set.of());
        }
    }
}
