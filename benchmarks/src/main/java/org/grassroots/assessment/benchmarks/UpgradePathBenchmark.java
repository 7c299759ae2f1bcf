package org.grassroots.assessment.benchmarks;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.upgrade.UpgradePath;
import org.grassroots.assessment.upgrade.UpgradePathFinder;

/**
 * The path-to-upgrade search (issue 18 section 1) for one organization at a time: p50, p95 and the
 * slowest, over organizations below 先进 of a generated district (target: p95 within 1 s). Command,
 * from the repository root, after {@code mvn -pl benchmarks -am package}:
 * <pre>java -cp benchmarks/target/benchmarks.jar org.grassroots.assessment.benchmarks.UpgradePathBenchmark \
 *     [organizations 1000] [searches 200] [period 2026] [asOf 2026-06-30]</pre>
 * The first tenth of the searches warm the JVM up and are not counted.
 */
public final class UpgradePathBenchmark {

    /** The bound on the 95th percentile of one organization's search. */
    static final double P95_TARGET_MILLIS = 1000;

    private UpgradePathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int organizations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Period period = Period.parse(args.length > 2 ? args[2] : "2026");
        LocalDate asOf = LocalDate.parse(args.length > 3 ? args[3] : "2026-06-30");

        Bundle bundle = new BundleReader().read(new ByteArrayInputStream(
                SyntheticBundleGenerator.bytes(organizations, SyntheticBundleGenerator.DEFAULT_SEED)));
        BundleData data = new BundleData(bundle);
        Evaluator evaluator = new Evaluator(RuleSetLoader.defaultRuleSet());
        List<String> below = new ArrayList<>();
        for (OrganizationResult r : evaluator.evaluate(data, period, asOf).organizations()) {
            if (r.tier() != Tier.ADVANCED) {
                below.add(r.code());
            }
        }
        if (below.isEmpty()) {
            System.out.println("no organization below 先进: nothing to search");
            return;
        }
        UpgradePathFinder finder = new UpgradePathFinder(evaluator);
        int warmup = Math.max(1, searches / 10);
        double[] millis = new double[searches];
        int reachable = 0;
        for (int i = 0; i < warmup + searches; i++) {
            String code = below.get(i % below.size());
            long start = System.nanoTime();
            UpgradePath path = finder.find(data, code, period, asOf, null);
            long took = System.nanoTime() - start;
            if (i >= warmup) {
                millis[i - warmup] = took / 1e6;
                reachable += path.reachable() ? 1 : 0;
            }
        }
        Arrays.sort(millis);
        double p50 = percentile(millis, 50);
        double p95 = percentile(millis, 95);
        System.out.printf("upgrade path, %d organizations (%d below 先进), %s as of %s: %d searches (%d with a path)%n",
                organizations, below.size(), period, asOf, searches, reachable);
        System.out.printf("p50 %.1f ms, p95 %.1f ms, max %.1f ms; target p95 <= %.0f ms: %s%n", p50, p95,
                millis[millis.length - 1], P95_TARGET_MILLIS, p95 <= P95_TARGET_MILLIS ? "met" : "NOT met");
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
