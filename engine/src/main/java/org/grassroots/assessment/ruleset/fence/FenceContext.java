package org.grassroots.assessment.ruleset.fence;

import java.util.Set;

/** What a rule set adds to the vocabulary: its declared types and its functions (declared or imported). */
record FenceContext(Set<String> declaredTypes, Set<String> functions) {

    boolean isType(String simpleName) {
        return declaredTypes.contains(simpleName) || RuleVocabulary.isType(simpleName);
    }

    boolean isDeclaredType(String simpleName) {
        return declaredTypes.contains(simpleName);
    }

    boolean isFunction(String name) {
        return functions.contains(name);
    }
}
