package org.grassroots.assessment.server.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSetLoader;

/** The policy's worked example evaluated by the engine (2026 as of 2026-12-31), once per test run. */
final class WorkedExample {

    static final OffsetDateTime CREATED_AT = OffsetDateTime.parse("2027-01-05T09:30:00+08:00");

    private static Bundle bundle;
    private static EvaluationResult result;

    private WorkedExample() {
    }

    static synchronized EvaluationResult result() {
        if (result == null) {
            try {
                result = new Evaluator(RuleSetLoader.defaultRuleSet())
                        .evaluate(new BundleData(bundle()), Period.parse("2026"), LocalDate.parse("2026-12-31"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    static synchronized Bundle bundle() {
        if (bundle == null) {
            try {
                bundle = new BundleReader().read(Fixtures.workedExample());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return bundle;
    }

    /** Every organization's name by code, as the server's directory would give them (XQ is a parent only). */
    static Map<String, String> names() {
        return bundle().organizations().stream().collect(Collectors.toMap(Organization::code, Organization::name));
    }

    static EvaluationExport export(boolean published) {
        return new EvaluationExport(12, result(), published, CREATED_AT, names());
    }
}
