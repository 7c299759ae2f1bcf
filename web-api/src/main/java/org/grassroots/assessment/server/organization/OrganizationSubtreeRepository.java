package org.grassroots.assessment.server.organization;

import java.util.LinkedHashSet;
import java.util.Set;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organization and, when asked, everything under it by {@code parent_code}. */
@Component
public class OrganizationSubtreeRepository {

    // a recursive query (H2 and PostgreSQL) reads only the subtree, not the whole organization table;
    // the depth bound only guards against a cycle that validation should already have refused
    private static final String SUBTREE = "with recursive sub(code, depth) as (select code, 0 from organization"
            + " where code = ? union all select o.code, s.depth + 1 from organization o join sub s"
            + " on o.parent_code = s.code where s.depth < 100) select distinct code from sub";

    private final JdbcClient jdbc;

    public OrganizationSubtreeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The codes of the organization and its descendants; 404 when the organization is unknown. */
    public Set<String> codes(String root, boolean subtree) {
        Set<String> codes = new LinkedHashSet<>(jdbc.sql(subtree ? SUBTREE : "select code from organization where code = ?")
                .param(root).query(String.class).list());
        if (codes.isEmpty()) {
            throw new NotFoundException("组织不存在：" + root);
        }
        return codes;
    }
}
