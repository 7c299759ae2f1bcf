package org.grassroots.assessment.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.grassroots.assessment.benchmarks.BenchmarkMain.CliRun;
import org.grassroots.assessment.benchmarks.BenchmarkMain.PeerRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeProcessTest {

    @TempDir
    Path dir;

    @Test
    void aChildThatComputesIsChargedItsCpuAndASleepingOneIsNot() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        String java = BenchmarkMain.java();
        // a child JVM that spins for about half a second of CPU, then one that sleeps as long
        WholeProcess.Run busy = WholeProcess.run(List.of(java, "-cp", System.getProperty("java.class.path"),
                Spinner.class.getName(), "spin", "600"), Map.of(), dir.resolve("busy.log"));
        WholeProcess.Run idle = WholeProcess.run(List.of("sleep", "0.6"), Map.of(), dir.resolve("idle.log"));

        assertThat(busy.ok()).isTrue();
        assertThat(busy.cpuSeconds()).isGreaterThan(0.4);
        assertThat(busy.wallSeconds()).isGreaterThanOrEqualTo(0.6);
        assertThat(busy.peakRssMb()).isGreaterThan(10);
        assertThat(idle.ok()).isTrue();
        assertThat(idle.cpuSeconds()).isLessThan(0.2);
        assertThat(idle.wallSeconds()).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void theExitCodeIsKeptAndTheOutputGoesToTheLog() throws Exception {
        Path log = dir.resolve("out.log");
        WholeProcess.Run run = WholeProcess.run(List.of("sh", "-c", "echo \"$GREETING\"; exit 3"), Map.of("GREETING", "你好"), log);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.ok()).isFalse();
        assertThat(Files.readString(log)).isEqualTo("你好\n");
    }

    @Test
    void thePeerRatioIsTakenPairByPair() {
        CliRun cli = new CliRun(10_000, "1g", 3, "cli", true);
        cli.runs.addAll(List.of(run(2.0), run(4.0), run(3.0)));
        PeerRuns peer = new PeerRuns(Path.of("policy.py"), "python3 policy.py", true);
        peer.runs.addAll(List.of(run(6.0), run(8.0)));

        // the third CLI run has no peer run beside it: no ratio for it
        assertThat(peer.ratios(cli)).containsExactly(3.0, 2.0);
        assertThat(BenchmarkMain.median(peer.ratios(cli))).isEqualTo(2.5);
    }

    private static WholeProcess.Run run(double wall) {
        return new WholeProcess.Run(0, wall, wall, 100);
    }

    /** A child process that keeps one core busy for the given milliseconds. */
    public static final class Spinner {
        public static void main(String[] args) {
            long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000L;
            long x = 0;
            while (System.nanoTime() < end) {
                x += x * 31 + 7;
            }
            System.out.println(x == 42 ? "" : "done");
        }
    }
}
