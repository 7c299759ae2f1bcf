package org.grassroots.assessment.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.grassroots.assessment.benchmarks.BenchmarkMain.CliRun;
import org.grassroots.assessment.benchmarks.BenchmarkMain.Figures;
import org.grassroots.assessment.benchmarks.BenchmarkMain.PeerRuns;
import org.grassroots.assessment.benchmarks.BenchmarkMain.Settings;

/** The engine section of BENCHMARKS.md: every figure with its target, the machine, the command, the profiling notes. */
final class Report {

    static final String START = "<!-- engine:start -->";
    static final String END = "<!-- engine:end -->";
    /** Written by hand, kept in the jar, copied below the table on every run. */
    static final String NOTES = "/profiling-notes.md";

    private final Settings settings;
    private final List<Figures> figures;
    private final List<CliRun> cli;
    private final PeerRuns peer;
    private final String machine;
    private final String loadBefore;
    private final String loadAfter;

    Report(Settings settings, List<Figures> figures, List<CliRun> cli, PeerRuns peer, String machine, String loadBefore,
            String loadAfter) {
        this.settings = settings;
        this.figures = figures;
        this.cli = cli;
        this.peer = peer;
        this.machine = machine;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    String markdown() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(START).append('\n');
        md.append("## Engine (issues 6 and 17)\n\n");
        if (settings.smoke) {
            md.append("**Smoke run** (200 organizations, one iteration): proves the harness works; the figures mean nothing.\n\n");
        }
        md.append("Command (repository root, clean checkout): `").append(settings.command()).append("`  \n");
        md.append("Run: ").append(Settings.today()).append("; load average ").append(loadBefore)
                .append(" before, ").append(loadAfter).append(" after (a figure taken while other work ran is slower)  \n");
        md.append("Machine: ").append(machine).append("  \n");
        md.append("Inputs: the fixtures' seeded generator (seed 42), periods 2025 and 2026, about 30 member records per "
                + "organization and period and about 4 visits per organization and year; period 2026 evaluated as of "
                + "2026-12-31, 2025 on the fly for movement. JMH single-shot: ").append(settings.warmup)
                .append(" warm-up invocations at 10,000 organizations and more (")
                .append(settings.warmupAt(1_000)).append(" at 1,000: the JIT settles on work done, not on invocations) + ").append(settings.iterations)
                .append(" measured invocations per figure, median, ")
                .append(settings.smoke ? "in the harness's JVM" : "one forked JVM per size with -Xms = -Xmx = the size's heap")
                .append(". Whole processes (the CLI, the peer): wall time start to exit, CPU as the kernel accounts "
                        + "the finished child (user + system), peak resident memory sampled every 20 ms; the launcher and "
                        + "the peer run in turn, so each ratio compares two runs on the same machine state.\n\n");

        md.append("| figure | organizations | measured | target | met |\n|---|---:|---:|---|---|\n");
        for (Figures f : figures) {
            double parse = f.seconds("parseAndValidate");
            row(md, "parse + validate (" + mb(f.bytes) + ")", f.size,
                    secs(parse) + ", " + rate(f.size / parse) + " orgs/s, " + fmt("%.0f", f.bytes / 1e6 / parse) + " MB/s, "
                            + perOrg(parse, f.size), "", "");
            for (String threads : List.of("1", "2")) {
                double eval = f.seconds("evaluate/" + threads);
                String target = "";
                String met = "";
                if (threads.equals("2") && f.size == 10_000) {
                    target = fmt("≥ %,.0f orgs/s (warm, previous period included)", BenchmarkMain.EVAL_TARGET_ORGS_PER_SECOND);
                    met = yes(f.size / eval >= BenchmarkMain.EVAL_TARGET_ORGS_PER_SECOND);
                }
                row(md, "evaluate, " + threads + " thread" + (threads.equals("1") ? "" : "s"), f.size,
                        secs(eval) + ", " + rate(f.size / eval) + " orgs/s, " + perOrg(eval, f.size), target, met);
            }
            double speedup = f.seconds("evaluate/1") / f.seconds("evaluate/2");
            row(md, "2 threads vs 1", f.size, fmt("%.2f×", speedup), "", "");
            boolean capTarget = f.size == 10_000 || f.size == 50_000;
            row(md, "peak heap, parse + evaluate (2 threads) in -Xmx" + f.heap, f.size,
                    f.heapProbeOk ? f.peakHeapMb + " MB summed pool peaks (upper bound), " + f.liveHeapMb + " MB live after GC" : "failed",
                    capTarget ? (f.size == 10_000 ? "≤ 1 GiB" : "completes in 2 GiB") : "",
                    capTarget ? yes(f.heapProbeOk) : "");
        }
        growth(md);
        wholeProcess(md);
        md.append("\nThe whole-process commands (with more than one run, one untimed run first):\n\n");
        for (CliRun run : cli) {
            md.append("- `").append(run.command).append("`\n");
        }
        if (peer != null && peer.present) {
            md.append("- the peer, in turn with the launcher: `").append(peer.command).append("`\n");
        }
        md.append('\n');
        md.append(notes());
        md.append(END).append('\n');
        return md.toString();
    }

    /**
     * The whole offline process: the plain jar and the launcher at the main size, the peer in turn with the
     * launcher and the ratio pair by pair, then the scale size in the same 1 GiB heap and its time per
     * organization against the main size's.
     */
    private void wholeProcess(StringBuilder md) {
        CliRun main = null;
        for (CliRun run : cli) {
            boolean isMain = run.size == settings.cliSize();
            String what = "whole `evaluate` process, " + (run.launcher ? "launcher" : "`java -jar`") + ", -Xmx" + run.heap
                    + " (" + runsText(run.runs) + ")";
            String target = "";
            String met = "";
            if (run.launcher && isMain) {
                main = run;
                target = settings.smoke ? "" : fmt("≥ %.1f× faster than the peer (below), in 1 GiB", BenchmarkMain.PEER_RATIO_TARGET);
            } else if (!isMain) {
                target = "completes in 1 GiB";
                met = yes(!run.failed);
            }
            row(md, what, run.size, run.failed ? "failed" : measured(run.runs), target, met);
        }
        if (main != null && peer != null) {
            if (!peer.present) {
                row(md, "the peer (Python, one thread): not found at `" + peer.script + "`, not run", main.size, "–",
                        settings.smoke ? "" : fmt("CLI ≥ %.1f× faster", BenchmarkMain.PEER_RATIO_TARGET),
                        settings.smoke ? "" : "not measured");
            } else if (peer.failed || peer.runs.isEmpty()) {
                row(md, "the peer (Python, one thread), whole process", main.size, "failed", "", "");
            } else {
                row(md, "the peer (Python, one thread), whole process, in turn with the launcher (" + runsText(peer.runs) + ")",
                        main.size, measured(peer.runs), "", "");
                List<Double> ratios = peer.ratios(main);
                List<String> each = new ArrayList<>();
                ratios.forEach(r -> each.add(fmt("%.2f", r)));
                double ratio = BenchmarkMain.median(ratios);
                row(md, "peer ÷ launcher, wall time pair by pair (" + String.join(", ", each) + ")", main.size,
                        fmt("%.2f×", ratio), settings.smoke ? "" : fmt("≥ %.1f×", BenchmarkMain.PEER_RATIO_TARGET),
                        settings.smoke ? "" : yes(!main.failed && ratio >= BenchmarkMain.PEER_RATIO_TARGET));
            }
        }
        for (CliRun run : cli) {
            if (main != null && run.launcher && run.size > main.size && !run.failed && !main.failed) {
                double ratio = (run.medianWall() / run.size) / (main.medianWall() / main.size);
                row(md, "growth of whole-process time per organization, launcher", run.size,
                        fmt("%.2f×", ratio) + " that at " + fmt("%,d", main.size),
                        "≤ " + BenchmarkMain.LINEAR_GROWTH_LIMIT + "×", yes(ratio <= BenchmarkMain.LINEAR_GROWTH_LIMIT));
            }
        }
    }

    private static String runsText(List<WholeProcess.Run> runs) {
        List<String> each = new ArrayList<>();
        runs.forEach(r -> each.add(fmt("%.2f", r.wallSeconds())));
        return "median of " + runs.size() + ": " + String.join(", ", each) + " s";
    }

    /** Median wall and CPU seconds, and the largest peak resident memory over the runs. */
    private static String measured(List<WholeProcess.Run> runs) {
        double wall = BenchmarkMain.median(runs.stream().map(WholeProcess.Run::wallSeconds));
        double cpu = BenchmarkMain.median(runs.stream().map(WholeProcess.Run::cpuSeconds));
        double peak = runs.stream().mapToDouble(WholeProcess.Run::peakRssMb).max().orElse(Double.NaN);
        return secs(wall) + " wall, " + (Double.isNaN(cpu) ? "CPU n/a" : fmt("%.1f s CPU", cpu)) + ", "
                + (Double.isNaN(peak) ? "peak RSS n/a" : fmt("%.0f MB peak RSS", peak));
    }

    /** Per-organization time at the largest size against the smallest (the issue: within 1.3×). */
    private void growth(StringBuilder md) {
        if (figures.size() < 2) {
            return;
        }
        Figures small = figures.get(0);
        Figures large = figures.get(figures.size() - 1);
        for (String key : List.of("parseAndValidate", "evaluate/1", "evaluate/2")) {
            double ratio = (large.seconds(key) / large.size) / (small.seconds(key) / small.size);
            row(md, "growth of time per organization, " + key, large.size,
                    fmt("%.2f×", ratio) + " that at " + small.size,
                    "≤ " + BenchmarkMain.LINEAR_GROWTH_LIMIT + "×", yes(ratio <= BenchmarkMain.LINEAR_GROWTH_LIMIT));
        }
    }

    /** The hand-kept profiling notes, as the section ends with them. */
    static String notes() throws IOException {
        try (InputStream in = Report.class.getResourceAsStream(NOTES)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() + "\n";
        }
    }

    private static void row(StringBuilder md, String figure, int size, String measured, String target, String met) {
        md.append("| ").append(figure).append(" | ").append(String.format(Locale.ROOT, "%,d", size)).append(" | ")
                .append(measured).append(" | ").append(target).append(" | ").append(met).append(" |\n");
    }

    private static String yes(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String secs(double seconds) {
        return Double.isNaN(seconds) ? "failed" : fmt("%.2f s", seconds);
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String perOrg(double seconds, int size) {
        return Double.isNaN(seconds) ? "" : fmt("%.0f µs/org", seconds / size * 1e6);
    }

    private static String mb(long bytes) {
        return fmt("%.0f MB", bytes / 1e6);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Replaces the text between the markers, or appends the section; creates the file if need be. */
    static void writeSection(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated;
        if (start >= 0 && end > start) {
            updated = text.substring(0, start) + section.strip() + text.substring(end + END.length());
        } else {
            updated = text.stripTrailing() + "\n\n" + section;
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".benchmarks-", ".md");
        Files.writeString(tmp, updated, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
