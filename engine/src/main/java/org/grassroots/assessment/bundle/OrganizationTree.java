package org.grassroots.assessment.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization tree as it would be after the import: the bundle's organizations (by the first
 * record of each code) over the stored ones, which they replace.
 */
final class OrganizationTree {

    /** An organization of the bundle that lies on a parent cycle, and that cycle starting at it. */
    record CycleMember(int index, List<String> cycle) {
    }

    private record Node(int index, String parentCode) {
    }

    private final StoredRecords stored;
    private final Map<String, Node> bundle = new LinkedHashMap<>();

    OrganizationTree(StoredRecords stored) {
        this.stored = stored;
    }

    /**
     * Adds the organization at {@code index}; returns the index of an earlier one with the same code,
     * or -1. {@code parentCode} is null for a root and for a parent code that was not valid.
     */
    int add(int index, String code, String parentCode) {
        Node earlier = bundle.putIfAbsent(code, new Node(index, parentCode));
        return earlier == null ? -1 : earlier.index();
    }

    boolean isKnown(String code) {
        return bundle.containsKey(code) || stored.organization(code).isPresent();
    }

    /** Every bundle organization on a cycle of parent links, in bundle order of the first records. */
    List<CycleMember> cycles() {
        Map<String, Integer> walkOf = new HashMap<>();
        List<CycleMember> members = new ArrayList<>();
        int walk = 0;
        for (String start : bundle.keySet()) {
            if (walkOf.containsKey(start)) {
                continue;
            }
            // Follow parents until a root, an unknown code or an organization already walked; meeting
            // one from this same walk closes a cycle.
            List<String> chain = new ArrayList<>();
            String code = start;
            while (code != null && !walkOf.containsKey(code)) {
                walkOf.put(code, walk);
                chain.add(code);
                code = parentOf(code);
            }
            if (code != null && walkOf.get(code) == walk) {
                List<String> cycle = chain.subList(chain.indexOf(code), chain.size());
                for (int i = 0; i < cycle.size(); i++) {
                    Node node = bundle.get(cycle.get(i));
                    if (node != null) {
                        members.add(new CycleMember(node.index(), rotate(cycle, i)));
                    }
                }
            }
            walk++;
        }
        members.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return members;
    }

    private String parentOf(String code) {
        Node node = bundle.get(code);
        if (node != null) {
            return node.parentCode();
        }
        return stored.organization(code).map(StoredRecords.StoredOrganization::parentCode).orElse(null);
    }

    private static List<String> rotate(List<String> cycle, int first) {
        List<String> rotated = new ArrayList<>(cycle.size() + 1);
        rotated.addAll(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        rotated.add(cycle.get(first));
        return rotated;
    }
}
