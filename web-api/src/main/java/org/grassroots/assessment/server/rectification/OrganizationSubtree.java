package org.grassroots.assessment.server.rectification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An organization and, when asked, everything under it by {@code parent_code}. */
@Component
public class OrganizationSubtree {

    private final JdbcTemplate jdbc;

    public OrganizationSubtree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The codes of the organization and its descendants; 404 when the organization is unknown. */
    public Set<String> codes(String root, boolean subtree) {
        Map<String, List<String>> children = new HashMap<>();
        Set<String> known = new LinkedHashSet<>();
        jdbc.query("select code, parent_code from organization", rs -> {
            String code = rs.getString(1);
            known.add(code);
            String parent = rs.getString(2);
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
            }
        });
        if (!known.contains(root)) {
            throw new NotFoundException("组织不存在：" + root);
        }
        Set<String> codes = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            String code = todo.pop();
            if (codes.add(code) && subtree) {
                todo.addAll(children.getOrDefault(code, List.of()));
            }
        }
        return codes;
    }
}
