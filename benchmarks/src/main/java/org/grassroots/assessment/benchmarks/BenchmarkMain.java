package org.grassroots.assessment.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every engine figure of issue 6 and writes them, with the machine and the command, into the
 * "Engine (issue 6)" section of BENCHMARKS.md (between {@value Report#START} and {@value Report#END};
 * the rest of the file is left alone). Documented command, from the repository root:
 * <pre>bash benchmarks/run.sh            # everything: 1k, 10k, 50k (tens of minutes)
 * bash benchmarks/run.sh --smoke    # 200 organizations, one iteration, seconds; CI</pre>
 * Steps: (1) generate the bundles with the fixtures' seeded generator into {@code --bundles}
 * (reused when present); (2) JMH: parse + validate, and evaluate with 1 and 2 threads, at each size,
 * in a forked JVM limited to the size's heap; (3) the peak heap of one whole evaluation at each size
 * under that limit; (4) the whole offline {@code evaluate} process, JVM start to written file, timed
 * from here over repeated runs.
 */
public final class BenchmarkMain {

    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar [--smoke] [--sizes 1000,10000,50000]
                       [--warmup N] [--iterations N] [--cli-runs N] [--cli engine/target/assessment-cli.jar]
                       [--scale 100000] [--peer ../shared/peer/policy.py] [--python python3]
                       [--bundles benchmarks/target/bundles] [--out BENCHMARKS.md]
              --warmup  warm-up invocations at 10,000 organizations and more (default 5); smaller sizes get
                        proportionally more, up to 10×
              --scale   the large bundle the whole CLI evaluates in a 1 GiB heap, once (0: none)
              --peer    the plain Python reading of the policy, run in turn with the CLI at 10,000
                        organizations (pairs, median ratio); said so in the report when it is not there
              --smoke   200 organizations, no warm-up, 1 iteration, in-process JMH, 1 CLI run, no scale run;
                        writes benchmarks/target/BENCHMARKS-smoke.md unless --out is given; no thresholds
            """;

    /** The whole offline evaluation at 10,000 organizations: at least this many times faster than the peer. */
    static final double PEER_RATIO_TARGET = 2.5;
    /** Warm evaluation, 2 threads, the previous period included. */
    static final double EVAL_TARGET_ORGS_PER_SECOND = 12_000;
    static final double LINEAR_GROWTH_LIMIT = 1.3;
    /** The heap the whole CLI gets, at every size (the issue: 10,000 and 100,000 organizations in 1 GiB). */
    static final String CLI_HEAP = "1g";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        String loadBefore = loadAverage();
        Files.createDirectories(settings.bundles);
        for (int size : settings.sizes) {
            ensureBundle(settings.bundles, size);
        }
        List<Figures> figures = new ArrayList<>();
        for (int size : settings.sizes) {
            Figures f = new Figures(size, heapLimit(size), Files.size(EngineBenchmarksPaths.bundle(settings.bundles, size)));
            runJmh(settings, f);
            probeHeap(settings, f);
            figures.add(f);
        }
        int main = settings.cliSize();
        if (settings.scale > 0) {
            ensureBundle(settings.bundles, settings.scale);
        }
        List<CliRun> cli = new ArrayList<>();
        cli.add(timeCli(settings, main, settings.cliRuns, false));
        CliRun launcher = timeCli(settings, main, settings.cliRuns, true);
        cli.add(launcher);
        if (settings.scale > 0) {
            cli.add(timeCli(settings, settings.scale, 1, true));
        }
        Report report = new Report(settings, figures, cli, launcher.peer, Machine.describe(), loadBefore, loadAverage());
        String section = report.markdown();
        System.out.println();
        System.out.println(section);
        Report.writeSection(settings.out, section);
        System.out.println("written to " + settings.out.toAbsolutePath());
    }

    /** The in-process (JMH) figures hold the whole bundle: 1 GiB up to 10,000 organizations, 2 GiB above. */
    static String heapLimit(int size) {
        return size <= 10_000 ? "1g" : "2g";
    }

    private static void ensureBundle(Path dir, int size) throws IOException {
        Path file = EngineBenchmarksPaths.bundle(dir, size);
        if (Files.exists(file)) {
            return;
        }
        System.out.printf("generating %d organizations (seed %d) into %s%n", size, SyntheticBundleGenerator.DEFAULT_SEED, file);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        new SyntheticBundleGenerator(size, SyntheticBundleGenerator.DEFAULT_SEED).write(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void runJmh(Settings settings, Figures f) throws RunnerException {
        System.setProperty("bench.bundles", settings.bundles.toString());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(EngineBenchmarks.class.getName() + ".")
                .param("size", Integer.toString(f.size))
                .forks(settings.smoke ? 0 : 1)
                .warmupIterations(settings.warmupAt(f.size))
                .measurementIterations(settings.iterations)
                .timeUnit(TimeUnit.MILLISECONDS)
                .shouldFailOnError(false)
                .verbosity(settings.smoke ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .jvmArgs("-Xms" + f.heap, "-Xmx" + f.heap, "-Dbench.bundles=" + settings.bundles);
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult run : results) {
            String method = run.getParams().getBenchmark();
            String threads = run.getParams().getParam("threads");
            List<Double> millis = new ArrayList<>();
            for (BenchmarkResult b : run.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    millis.add(i.getPrimaryResult().getScore());
                }
            }
            String key = method.substring(method.lastIndexOf('.') + 1) + (threads == null ? "" : "/" + threads);
            f.millis.put(key, millis);
        }
    }

    private static void probeHeap(Settings settings, Figures f) throws IOException, InterruptedException {
        List<String> command = List.of(java(), "-Xmx" + f.heap, "-Dbench.bundles=" + settings.bundles,
                "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName(), Integer.toString(f.size), "2");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith("heap ")) {
                for (String part : line.substring(5).split(" ")) {
                    String[] kv = part.split("=");
                    if (kv[0].equals("peak")) {
                        f.peakHeapMb = Long.parseLong(kv[1].trim());
                    } else if (kv[0].equals("live")) {
                        f.liveHeapMb = Long.parseLong(kv[1].trim());
                    }
                }
            }
        }
        f.heapProbeOk = code == 0 && f.peakHeapMb >= 0;
        if (!f.heapProbeOk) {
            System.err.println("heap probe at " + f.size + " failed (exit " + code + "):\n" + output);
        }
    }

    /**
     * Times the whole offline {@code evaluate} process from outside, start to exit, in a 1 GiB heap: plainly
     * ({@code java -Xmx1g -jar assessment-cli.jar}) or through the launcher {@code engine/bin/assessment-cli}
     * (its JVM flags and class-data archive). The launcher at the main size runs in turn with the peer when
     * it is there (launcher, peer, launcher, peer, …), so that both see the same machine and the ratio is
     * taken pair by pair. One untimed run of each first (unless there is one run only): it fills the page
     * cache and lets the launcher make its archive.
     */
    private static CliRun timeCli(Settings settings, int size, int runs, boolean launcher)
            throws IOException, InterruptedException {
        String name = (launcher ? "launcher-" : "jar-") + size;
        Path bundle = EngineBenchmarksPaths.bundle(settings.bundles, size);
        Path out = settings.bundles.resolve("cli-result-" + name + ".json");
        Path log = settings.bundles.resolve("cli-" + name + ".log");
        List<String> arguments = List.of("evaluate", "--bundle", bundle.toString(),
                "--period", "2026", "--as-of", "2026-12-31", "--out", out.toString());
        List<String> command = new ArrayList<>();
        String shown;
        if (launcher) {
            Path script = settings.cli.toAbsolutePath().getParent().getParent().resolve("bin/assessment-cli");
            command.addAll(List.of("bash", script.toString()));
            shown = "JAVA_OPTS=-Xmx" + CLI_HEAP + " engine/bin/assessment-cli";
        } else {
            command.addAll(List.of(java(), "-Xmx" + CLI_HEAP, "-jar", settings.cli.toString()));
            shown = "java -Xmx" + CLI_HEAP + " -jar " + settings.cli;
        }
        command.addAll(arguments);
        CliRun run = new CliRun(size, CLI_HEAP, runs, shown + " " + String.join(" ", arguments), launcher);
        boolean withPeer = launcher && size == settings.cliSize() && settings.peerPresent();
        if (launcher && size == settings.cliSize()) {
            run.peer = new PeerRuns(settings.peer, settings.python + " " + settings.peer + " " + bundle + " 2026 2026-12-31",
                    withPeer);
        }
        List<String> peerCommand = List.of(settings.python, settings.peer.toString(), bundle.toString(), "2026", "2026-12-31");
        Path peerOut = settings.bundles.resolve("peer-result-" + size + ".json");
        // a single run (the smoke run, the largest size) goes without: it proves the command works
        for (int i = settings.smoke || runs == 1 ? 1 : 0; i <= runs; i++) {
            WholeProcess.Run one = WholeProcess.run(command, Map.of("JAVA_OPTS", "-Xmx" + CLI_HEAP), log);
            if (!one.ok()) {
                System.err.println("the CLI failed (exit " + one.exitCode() + "), see " + log);
                run.failed = true;
                break;
            }
            System.out.printf(Locale.ROOT, "%s, %d organizations, %s: %.2f s wall, %.1f s CPU, %.0f MB peak%n",
                    launcher ? "launcher" : "java -jar", size, i == 0 ? "untimed first run" : "run " + i,
                    one.wallSeconds(), one.cpuSeconds(), one.peakRssMb());
            if (i > 0) {
                run.runs.add(one);
            }
            if (withPeer) {
                WholeProcess.Run peer = WholeProcess.run(peerCommand, Map.of(), peerOut);
                System.out.printf(Locale.ROOT, "peer, %d organizations, %s: %.2f s wall, %.1f s CPU, %.0f MB peak (exit %d)%n",
                        size, i == 0 ? "untimed first run" : "run " + i, peer.wallSeconds(), peer.cpuSeconds(),
                        peer.peakRssMb(), peer.exitCode());
                if (!peer.ok()) {
                    run.peer.failed = true;
                    withPeer = false;
                } else if (i > 0) {
                    run.peer.runs.add(peer);
                }
            }
        }
        return run;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    static double median(java.util.stream.Stream<Double> values) {
        return median(values.toList());
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The bundle files' names, shared with the forked benchmark JVMs. */
    static final class EngineBenchmarksPaths {
        private EngineBenchmarksPaths() {
        }

        static Path bundle(Path dir, int size) {
            return dir.resolve("b" + size + ".json");
        }
    }

    /** What one size measured; times in milliseconds per iteration, keyed "parseAndValidate", "evaluate/1", "evaluate/2". */
    static final class Figures {
        final int size;
        final String heap;
        final long bytes;
        final Map<String, List<Double>> millis = new LinkedHashMap<>();
        long peakHeapMb = -1;
        long liveHeapMb = -1;
        boolean heapProbeOk;

        Figures(int size, String heap, long bytes) {
            this.size = size;
            this.heap = heap;
            this.bytes = bytes;
        }

        /** Median seconds of a step, NaN when it did not run or failed. */
        double seconds(String key) {
            return median(millis.getOrDefault(key, List.of())) / 1000;
        }
    }

    static final class CliRun {
        final int size;
        final String heap;
        final int count;
        final String command;
        final boolean launcher;
        final List<WholeProcess.Run> runs = new ArrayList<>();
        boolean failed;
        /** The peer's runs in turn with this one (the launcher at the main size only), else null. */
        PeerRuns peer;

        CliRun(int size, String heap, int count, String command, boolean launcher) {
            this.size = size;
            this.heap = heap;
            this.count = count;
            this.command = command;
            this.launcher = launcher;
        }

        double medianWall() {
            return median(runs.stream().map(WholeProcess.Run::wallSeconds));
        }
    }

    /** The peer's whole-process runs, each taken right after the CLI's run of the same index. */
    static final class PeerRuns {
        final Path script;
        final String command;
        final boolean present;
        final List<WholeProcess.Run> runs = new ArrayList<>();
        boolean failed;

        PeerRuns(Path script, String command, boolean present) {
            this.script = script;
            this.command = command;
            this.present = present;
        }

        /** Peer wall time over the CLI's, pair by pair (how many times faster the CLI was). */
        List<Double> ratios(CliRun cli) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(runs.size(), cli.runs.size()); i++) {
                ratios.add(runs.get(i).wallSeconds() / cli.runs.get(i).wallSeconds());
            }
            return ratios;
        }
    }

    static final class Settings {
        boolean smoke;
        List<Integer> sizes = List.of(1_000, 10_000, 50_000);
        // a fresh fork needs about four whole evaluations of 10k before the JIT has settled (2 threads:
        // 9.9, 5.5, 4.7, 4.2, then ~2.8 s); fewer warm-ups measure the compiler, not the engine
        int warmup = 5;
        int iterations = 5;
        int cliRuns = 5;
        Path cli = Path.of("engine/target/assessment-cli.jar");
        Path bundles = Path.of("benchmarks/target/bundles");
        int scale = 100_000;
        Path peer = Path.of("../shared/peer/policy.py");
        String python = "python3";
        Path out;
        final List<String> args = new ArrayList<>();

        /**
         * Warm-up invocations at a size: {@code warmup} at 10,000 organizations and above, more for
         * smaller bundles (up to 10×), since what settles the JIT is the work done, not the count of
         * invocations (1k with 5 warm-ups was still getting faster: 2.9, 1.3, 1.0, 0.6 s).
         */
        int warmupAt(int size) {
            return size >= 10_000 ? warmup : warmup * Math.min(10, (10_000 + size - 1) / size);
        }

        static Settings parse(String[] args) {
            Settings s = new Settings();
            s.args.addAll(List.of(args));
            boolean sizesGiven = false;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--smoke")) {
                    s.smoke = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--sizes" -> {
                        s.sizes = new ArrayList<>();
                        for (String part : value.split(",")) {
                            s.sizes.add(Integer.parseInt(part.trim()));
                        }
                        sizesGiven = true;
                    }
                    case "--warmup" -> s.warmup = Integer.parseInt(value);
                    case "--iterations" -> s.iterations = Integer.parseInt(value);
                    case "--cli-runs" -> s.cliRuns = Integer.parseInt(value);
                    case "--cli" -> s.cli = Path.of(value);
                    case "--bundles" -> s.bundles = Path.of(value);
                    case "--scale" -> s.scale = Integer.parseInt(value);
                    case "--peer" -> s.peer = Path.of(value);
                    case "--python" -> s.python = value;
                    case "--out" -> s.out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (s.smoke) {
                if (!sizesGiven) {
                    s.sizes = List.of(200);
                }
                s.warmup = 0;
                s.iterations = 1;
                s.cliRuns = 1;
                s.scale = 0;
            }
            if (s.out == null) {
                s.out = Path.of(s.smoke ? "benchmarks/target/BENCHMARKS-smoke.md" : "BENCHMARKS.md");
            }
            if (!Files.isRegularFile(s.cli)) {
                throw new IllegalArgumentException("no CLI jar at " + s.cli + " (build it: mvn -pl engine package)");
            }
            return s;
        }

        /** The size the whole CLI is timed at, in turn with the peer: 10,000 organizations, else the largest size below. */
        int cliSize() {
            List<Integer> sorted = new ArrayList<>(sizes);
            sorted.sort(null);
            return sorted.stream().filter(n -> n <= 10_000).reduce((a, b) -> b).orElse(sorted.get(0));
        }

        boolean peerPresent() {
            return Files.isRegularFile(peer);
        }

        String command() {
            return "bash benchmarks/run.sh" + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }

        static String today() {
            return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }
}
