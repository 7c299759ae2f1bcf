package org.grassroots.assessment.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Puts the problems of one record in the order their values appear in the document. The checks
 * run in schema order, which differs from the order of the members in the input; a missing member
 * sorts after all present ones, and equal positions keep the order in which they were found.
 */
final class DocumentOrder {

    private DocumentOrder() {
    }

    static void sort(List<Problem> problems, JsonNode root, String rootPath) {
        if (problems.size() > 1) {
            problems.sort(Comparator.comparing(problem -> position(root, rootPath, problem.path()),
                    DocumentOrder::compare));
        }
    }

    /** The index of each step from the root to the value at {@code path}. */
    private static List<Integer> position(JsonNode root, String rootPath, String path) {
        List<Integer> position = new ArrayList<>();
        if (!path.startsWith(rootPath)) {
            return position;
        }
        JsonPointer pointer = JsonPointer.compile(path.substring(rootPath.length()));
        JsonNode node = root;
        while (!pointer.matches() && node != null) {
            if (node.isObject()) {
                String name = pointer.getMatchingProperty();
                position.add(indexOfProperty(node, name));
                node = node.get(name);
            } else if (node.isArray() && pointer.getMatchingIndex() >= 0) {
                position.add(pointer.getMatchingIndex());
                node = node.get(pointer.getMatchingIndex());
            } else {
                node = null;
            }
            pointer = pointer.tail();
        }
        return position;
    }

    private static int indexOfProperty(JsonNode object, String name) {
        int index = 0;
        for (String candidate : object.propertyNames()) {
            if (candidate.equals(name)) {
                return index;
            }
            index++;
        }
        return Integer.MAX_VALUE;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
