package org.grassroots.assessment.server.organization;

import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.model.PeriodFacts;

/**
 * Limits of the database columns that the bundle format leaves open: amounts of money are stored
 * as {@code numeric(16, 2)}, so they must stay below 10^14 yuan.
 */
public final class StorageLimits {

    /** The largest amount a {@code numeric(16, 2)} column holds. */
    public static final double MAX_YUAN = 99_999_999_999_999.99;

    private StorageLimits() {
    }

    /** @param path the pointer to the facts record, e.g. {@code /periodFacts/3} or "" */
    public static List<Problem> check(PeriodFacts facts, String path) {
        List<Problem> problems = new ArrayList<>(0);
        amount(facts.reserveFundBalanceYuan(), path + "/reserveFundBalanceYuan", problems);
        amount(facts.collectiveIncomeYuan(), path + "/collectiveIncomeYuan", problems);
        return problems;
    }

    private static void amount(double value, String path, List<Problem> problems) {
        if (value > MAX_YUAN) {
            problems.add(new Problem(path, "must be at most 99999999999999.99 (the largest amount stored)"));
        }
    }
}
