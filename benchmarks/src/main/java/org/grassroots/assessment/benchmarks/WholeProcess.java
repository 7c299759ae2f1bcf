package org.grassroots.assessment.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs one command as a whole process and measures it from outside: wall time (start to exit), the CPU
 * time it used and its peak resident memory.
 * <p>
 * CPU: on Linux the kernel adds a reaped child's user and system time to its parent's {@code cutime} and
 * {@code cstime} ({@code /proc/self/stat}); the difference across one run is that child's CPU (plus any
 * child of its own it waited for), the same accounting {@code /usr/bin/time} prints, without needing that
 * program on the machine. The harness starts one child at a time, so nothing else is counted.
 * Peak memory: the child's {@code VmHWM} (its resident high-water mark, never decreasing), read every
 * 20 ms while it runs; the last reading before exit is a lower bound of the true peak, within what the
 * process allocated in its last 20 ms. Elsewhere than Linux both are NaN and only wall time is given.
 */
final class WholeProcess {

    /** Kernel clock ticks per second for {@code /proc} times ({@code getconf CLK_TCK}: 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final long SAMPLE_MILLIS = 20;

    /** One finished run: exit code, wall and CPU seconds, peak resident megabytes (NaN where unknown). */
    record Run(int exitCode, double wallSeconds, double cpuSeconds, double peakRssMb) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private WholeProcess() {
    }

    static Run run(List<String> command, Map<String, String> environment, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        double cpuBefore = childrenCpuSeconds();
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        double peak = Double.NaN;
        while (process.isAlive()) {
            double hwm = highWaterMarkMb(status);
            if (!Double.isNaN(hwm)) {
                peak = Double.isNaN(peak) ? hwm : Math.max(peak, hwm);
            }
            process.waitFor(SAMPLE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        int code = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = childrenCpuSeconds() - cpuBefore;
        return new Run(code, wall, cpu, peak);
    }

    /** cutime + cstime of this process (fields 16 and 17 of /proc/self/stat), in seconds; NaN elsewhere. */
    static double childrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields[0] is field 3 (state), so field N is fields[N - 3]
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double highWaterMarkMb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone between the check and the read, or not Linux
        }
        return Double.NaN;
    }
}
