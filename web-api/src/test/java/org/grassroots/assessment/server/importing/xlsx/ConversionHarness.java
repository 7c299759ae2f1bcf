package org.grassroots.assessment.server.importing.xlsx;

import java.io.File;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.grassroots.assessment.ruleset.RuleCatalog;
import org.grassroots.assessment.ruleset.RuleSetLoader;

/**
 * Measures the workbook conversion alone, in one JVM: converts a workbook N times into the bundle
 * JSON (thrown away, its SHA-256 printed so that two builds can be compared byte for byte) and
 * prints the conversion thread's CPU time per run. Not a test; run by hand:
 * {@code java -cp <test and main classpath> ...ConversionHarness workbook.xlsx 5}.
 */
public final class ConversionHarness {

    private ConversionHarness() {
    }

    public static void main(String[] args) throws Exception {
        File workbook = new File(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        WorkbookLayout layout = WorkbookLayout.of(RuleCatalog.of(RuleSetLoader.defaultRuleSet()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long cpu = threads.getCurrentThreadCpuTime();
            long processCpu = process.getProcessCpuTime();
            long wall = System.nanoTime();
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                WorkbookConversion conversion = new WorkbookConversion(layout, 10_000_000, out);
                StreamingWorkbookReader.read(workbook, conversion);
                conversion.finish();
                if (!conversion.problems().isEmpty() || !conversion.warnings().isEmpty()) {
                    System.out.println("problems " + conversion.problems() + " warnings " + conversion.warnings());
                }
            }
            System.out.printf("run %d: cpu %.2f s (process %.2f s), wall %.2f s, sha256 %s%n", i,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9, (process.getProcessCpuTime() - processCpu) / 1e9,
                    (System.nanoTime() - wall) / 1e9, HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        }
    }
}
