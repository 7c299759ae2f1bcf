package org.grassroots.assessment.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * With {@code -Dassessment.timings}, prints when each step of a run ended (wall seconds since the
 * JVM started, and the process's CPU seconds so far) to standard error; silent otherwise.
 */
final class PhaseTimer {

    private final PrintStream err;

    PhaseTimer(PrintStream err) {
        this.err = err;
    }

    void done(String step) {
        if (err == null) {
            return;
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        double cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1e9;
        err.printf("timing: %-28s at %6.2f s wall, %6.2f s CPU%n", step, uptime / 1000.0, cpu);
    }
}
