package org.grassroots.assessment.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

/**
 * The shipped set with G-01 written as it was before the executable model: {@code collectList} of
 * an expression, which the executable model types as the expression's type (a {@code String}, so
 * {@code $unverified.size()} does not compile there). The classic compile accepts it and gives the
 * same results: a maintainer's draft in this form keeps working.
 */
public final class ClassicOnlyRules {

    static final String FILE = "70-grading.drl";

    private static final String EXECUTABLE_MODEL_FORM = """
                accumulate( InspectionItem( orgCode == $o, severity == Severity.MAJOR || severity == Severity.CRITICAL,
                                            status != RectificationStatus.VERIFIED, $label : ( item + "（" + visitId + "）" ) );
                            $unverified : collectList( $label ), $count : count();
                            $count > 0 )
            """;

    private static final String CLASSIC_FORM = """
                accumulate( $i : InspectionItem( orgCode == $o, severity == Severity.MAJOR || severity == Severity.CRITICAL,
                                                 status != RectificationStatus.VERIFIED );
                            $unverified : collectList( $i.item() + "（" + $i.visitId() + "）" );
                            $unverified.size() > 0 )
            """;

    private ClassicOnlyRules() {
    }

    /** The shipped files with G-01 in the classic-only form. */
    public static Map<String, String> shippedWithOldG01() {
        Map<String, String> files = new TreeMap<>(RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR));
        String grading = files.get(FILE);
        assertThat(grading).contains(EXECUTABLE_MODEL_FORM);
        files.put(FILE, grading.replace(EXECUTABLE_MODEL_FORM, CLASSIC_FORM));
        return files;
    }
}
