package org.grassroots.assessment.ruleset.fence;

import java.util.Set;
import org.mvel2.compiler.AbstractParser;

/**
 * MVEL, which Drools uses to read and evaluate constraints, knows some JDK classes by name
 * without asking any class loader ({@code System}, {@code Runtime}, {@code Thread},
 * {@code ClassLoader}, {@code Class}, {@code java.lang.reflect.Array}). That would let a
 * constraint the fence missed reach them past {@link RuleClassLoader}. This class takes them out
 * of MVEL's built-in names once, before the first rule set is compiled; a constraint that names
 * them then resolves through the rule class loader like every other name, and finds nothing.
 * (MVEL offers no setting for this; its tables are public and mutable by design.)
 */
public final class MvelLiterals {

    static final Set<String> REMOVED = Set.of("System", "Runtime", "Thread", "ClassLoader", "Class", "Array");

    static {
        AbstractParser.LITERALS.keySet().removeAll(REMOVED);
        AbstractParser.CLASS_LITERALS.keySet().removeAll(REMOVED);
    }

    private MvelLiterals() {
    }

    /** Makes sure the names are gone (the work happens once, when this class is first used). */
    public static void removeDangerousNames() {
        // the static initializer has run
    }
}
