package org.grassroots.assessment.server.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.Organization;

/**
 * The township (乡镇、街道, or a district organ's committee) an organization belongs to: the
 * district's direct subordinate above it, or itself when it is one. 回避 is decided by it.
 */
final class Townships {

    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    Townships(List<Organization> organizations) {
        for (Organization org : organizations) {
            parents.put(org.code(), org.parentCode());
            names.put(org.code(), org.name());
        }
    }

    /** The township's code, or null for the district itself and for an unknown organization. */
    String of(String code) {
        String current = code;
        for (int steps = 0; current != null && parents.containsKey(current) && steps < 100; steps++) {
            String parent = parents.get(current);
            if (parent == null) {
                return null; // the district
            }
            if (parents.get(parent) == null) {
                return current;
            }
            current = parent;
        }
        return null;
    }

    String name(String code) {
        return names.getOrDefault(code, code);
    }
}
