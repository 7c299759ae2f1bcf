import java.net.URLEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server half of the benchmarks (issue 6): starts the packaged server on fresh data folders and
 * free ports, times the HTTP path and prints a Markdown table (figure, median, runs, target,
 * met/missed); it rewrites the text between {@code <!-- server:start -->} and
 * {@code <!-- server:end -->} in BENCHMARKS.md. JDK only; run it through
 * {@code tools/bench/server-benchmark.sh}, which finds the jar and generates the bundle.
 *
 * <pre>
 * java tools/bench/ServerBenchmark.java --jar web-api/target/assessment-server.jar --bundle B.json
 *      [--rules DIR] [--runs N] [--import-runs N] [--start-runs N] [--latency N] [--smoke]
 *      [--benchmarks-file BENCHMARKS.md] [--command TEXT] [--work DIR] [--keep] [--java PATH] [--ports FROM-TO]
 *      [--workbook FILE.xlsx]
 *      [--jvm-arg "-XX:StartFlightRecording=filename={name}.jfr"]...
 *      [--launcher web-api/bin/assessment-server] [--only start,import,evaluation,latency,whatif,pages,rules,workbook,district]
 *      [--district DIR]
 *      [--server-arg "--spring.datasource.url=jdbc:h2:file:{data}/assessment"]...
 *      [--prepare "bash .ci/postgres.sh createdb DIR {name}" --server-arg "--spring.datasource.url={prepared}"]
 * </pre>
 *
 * {@code --prepare} runs a shell command before each server starts ({@code {name}} becomes the server's
 * name); the last line it prints replaces {@code {prepared}} in the server options: on PostgreSQL, a
 * new empty database per server, as the data folders are on H2.
 *
 * {@code --district DIR}: the district step (issue 17, a province on one machine) imports the bundle
 * parts in DIR ({@code part-*.json}, in name order, the first holding the committees) one by one into
 * one server with a 1 GiB heap, evaluates both periods from the database and reads the office pages
 * there; without it the step is left out.
 *
 * Every server it starts is stopped before it exits (also on Ctrl-C).
 */
public class ServerBenchmark {

    static final String START = "<!-- server:start -->";
    static final String END = "<!-- server:end -->";
    static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());
    static final Duration LONG = Duration.ofMinutes(15);

    // options
    Path jar;
    Path bundle;
    Path rules = Path.of("rules/src/main/resources/assessment-rules");
    Path benchmarks = Path.of("BENCHMARKS.md");
    Path work;
    String command;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    boolean smoke;
    boolean keep;
    int runs = 3;
    int importRuns = 2;
    /**
     * The server launcher ({@code web-api/bin/assessment-server}: extracted jar and class-data archive)
     * whose cold start the start step also times; none when it is missing.
     */
    Path launcher = Path.of("web-api/bin/assessment-server");
    /** The ports the servers may listen on ({@code --ports FROM-TO}); any free port when 0. */
    int portFrom;
    /** The workbook step's .xlsx: exported there when missing, else reused (the export of 10k takes minutes). */
    Path workbookFile;
    int portTo;
    int startRuns = 3;
    int latency = 300;
    /** Extra JVM options of the servers ({@code {name}} becomes the server's name), e.g. a JFR recording. */
    final List<String> jvmArgs = new ArrayList<>();
    /** Extra server options ({@code {data}} becomes the server's data folder), e.g. a datasource URL. */
    final List<String> serverArgs = new ArrayList<>();
    /** A shell command run before each server starts; its last line of output is {@code {prepared}}. */
    String prepare;
    /** The steps to run (all when empty): start, import, evaluation, latency, whatif, rules. */
    final List<String> only = new ArrayList<>();
    /** One year of the district (the generator's {@code --years 2026}), for the workbook step. */
    Path yearBundle;
    /** The district step's bundle parts ({@code part-*.json}); the step is left out without them. */
    Path district;
    /** The district server's heap: the issue's budget for a province on one machine. */
    static final String DISTRICT_HEAP = "-Xmx1g";
    /** The evaluation of 2026 at the main step's size, for the district step's per-organization comparison. */
    double evaluationMedian = Double.NaN;
    /** The organizations of {@code --bundle}, which that evaluation covers. */
    long bundleOrganizations;

    final List<Server> servers = Collections.synchronizedList(new ArrayList<>());
    final List<Figure> figures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        ServerBenchmark b = new ServerBenchmark();
        b.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(b::stopAll));
        int exit = 0;
        try {
            b.run();
        } catch (Exception | AssertionError e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            exit = 1;
        } finally {
            b.stopAll();
            if (!b.keep) {
                deleteTree(b.work);
            }
        }
        System.exit(exit);
    }

    void parse(String[] args) throws IOException {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> smoke = true;
                case "--keep" -> keep = true;
                case "--jar" -> jar = Path.of(args[++i]);
                case "--bundle" -> bundle = Path.of(args[++i]);
                case "--year-bundle" -> yearBundle = Path.of(args[++i]);
                case "--district" -> district = Path.of(args[++i]);
                case "--rules" -> rules = Path.of(args[++i]);
                case "--benchmarks-file" -> benchmarks = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--workbook" -> workbookFile = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--java" -> java = args[++i];
                case "--launcher" -> launcher = Path.of(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                case "--ports" -> {
                    String[] range = args[++i].split("-");
                    portFrom = Integer.parseInt(range[0]);
                    portTo = Integer.parseInt(range[range.length - 1]);
                }
                case "--server-arg" -> serverArgs.add(args[++i]);
                case "--prepare" -> prepare = args[++i];
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--import-runs" -> importRuns = Integer.parseInt(args[++i]);
                case "--start-runs" -> startRuns = Integer.parseInt(args[++i]);
                case "--latency" -> latency = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + a + " (see the class comment)");
            }
        }
        if (jar == null || bundle == null || !Files.isRegularFile(jar) || !Files.isRegularFile(bundle)) {
            throw new IllegalArgumentException("--jar and --bundle must name existing files");
        }
        if (smoke) {
            runs = 1;
            importRuns = 1;
            startRuns = 1;
            latency = Math.min(latency, 30);
        }
        if (work == null) {
            work = Files.createTempDirectory("server-bench");
        }
        Files.createDirectories(work);
        if (command == null) {
            command = "java tools/bench/ServerBenchmark.java " + String.join(" ", args);
        }
    }

    // ------------------------------------------------------------------ the run

    void run() throws Exception {
        log("work folder " + work + (smoke ? " (smoke: one run each, no targets checked)" : ""));
        bundleOrganizations = organizationsIn(bundle);
        String organizations = String.format(Locale.ROOT, "%,d", bundleOrganizations);

        // 1. cold start to ready with the demo district (what a user sees on first start)
        List<Double> demoStarts = new ArrayList<>();
        List<Double> demoCpu = new ArrayList<>();
        for (int i = 0; i < (want("start") ? startRuns : 0); i++) {
            Server s = start("demo-" + i, true);
            demoStarts.add(s.readyMs / 1000.0);
            demoCpu.add(s.cpu());
            log("cold start with the demo district: " + s.readyMs + " ms");
            s.stop();
        }
        if (want("start")) {
            boolean launched = Files.isExecutable(launcher) && !smoke;
            figure("Cold start to ready, demo district, `java -jar` (first start: import + 2 evaluations)", demoStarts,
                    "s", launched ? Double.NaN : 10, true).cpu = demoCpu;
            if (launched) {
                launcherStarts();
            }
        }
        // only when asked for: it needs a one-year bundle (--year-bundle) and two more servers
        if (only.contains("workbook")) {
            workbook(organizations);
        }
        if (only.isEmpty() || only.stream().anyMatch(o -> !List.of("start", "workbook", "district").contains(o))) {
            importAndAfter(organizations);
        }
        if (want("district") && district != null) {
            district();
        }
        finish(organizations);
    }

    /** 2. to 6.: a fresh server's import of the bundle, then what the steps asked for on that server. */
    void importAndAfter(String organizations) throws Exception {
        // 2. empty cold start, then the import of the bundle into that empty database
        List<Double> emptyStarts = new ArrayList<>();
        List<Double> imports = new ArrayList<>();
        List<Double> emptyCpu = new ArrayList<>();
        List<Double> importCpu = new ArrayList<>();
        Server last = null;
        for (int i = 0; i < importRuns; i++) {
            Server s = start("empty-" + i, false);
            emptyStarts.add(s.readyMs / 1000.0);
            emptyCpu.add(s.cpu());
            log("cold start, empty database: " + s.readyMs + " ms");
            double cpu = s.cpu();
            long t = System.nanoTime();
            Response r = importFile(s, bundle);
            double secs = seconds(t);
            r.expect(200, "import");
            imports.add(secs);
            importCpu.add(s.cpu() - cpu);
            log(String.format(Locale.ROOT, "import of %s organizations: %.2f s %s", organizations, secs, r.body));
            if (i < importRuns - 1) {
                s.stop();
            } else {
                last = s;
            }
        }
        figure("Cold start to ready, empty database (`--assessment.demo=false`)", emptyStarts, "s", Double.NaN, true)
                .cpu = emptyCpu;
        figure("Import of the " + organizations + "-organization bundle (`POST /api/import`, fresh server, empty database)",
                imports, "s", 20, true).cpu = importCpu;

        Server s = last;
        if (want("evaluation") || want("latency") || want("whatif") || want("pages")) {
            evaluationsAndAfter(s);
        }
        if (want("rules")) {
            rules(s);
        }
        s.stop();
    }

    void finish(String organizations) throws IOException {
        String table = report(organizations);
        System.out.println();
        System.out.println(table);
        writeBenchmarks(table);
    }

    boolean want(String step) {
        return only.isEmpty() || only.contains(step);
    }

    void evaluationsAndAfter(Server s) throws Exception {
        // 3. evaluation with the results stored; warm-up: the previous period, then the first run of 2026
        //    (the first one also creates the rectification ledger's GRADING items)
        timeEvaluation(s, "2025");
        double first = timeEvaluation(s, "2026");
        log(String.format(Locale.ROOT, "first evaluation of 2026 (creates the ledger): %.2f s", first));
        List<Double> evaluations = new ArrayList<>();
        List<Double> evaluationCpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double cpu = s.cpu();
            evaluations.add(timeEvaluation(s, "2026"));
            evaluationCpu.add(s.cpu() - cpu);
        }
        Figure evaluation = figure("Evaluation of 2026 with its results stored (`POST /api/evaluations`, warm)",
                evaluations, "s", 20, true);
        evaluation.cpu = evaluationCpu;
        evaluationMedian = evaluation.median();
        notes.add(String.format(Locale.ROOT, "The first evaluation of 2026 on that server (it also creates the "
                + "ledger's GRADING items) took %.2f s; the previous period 2025 was evaluated first.", first));

        // 4. visit + the organization's result re-evaluated
        if (want("latency")) {
            visitLatency(s);
        }
        if (want("whatif")) {
            whatIf(s, evaluation.median());
        }
        if (want("pages")) {
            pages(s, "");
        }
    }

    /**
     * 7. the office's ranking (dashboard) and ledger pages at this size, as a browser reads them (HTML,
     * server-side pages of 50): the first page, a page deep in the list, a type, a search by name, a
     * sort, the overdue items, an organization and its subordinates; each URL in turn, after a warm-up.
     */
    void pages(Server s, String prefix) throws Exception {
        List<String> urls = List.of(
                "/office/dashboard?period=2026",
                "/office/dashboard?period=2026&page=100",
                "/office/dashboard?period=2026&type=VILLAGE&page=3",
                "/office/dashboard?period=2026&q=" + URLEncoder.encode("村", StandardCharsets.UTF_8),
                "/office/dashboard?period=2026&sort=NAME&page=20",
                "/office/dashboard?period=2026&tier=WEAK",
                "/office/rectifications",
                "/office/rectifications?page=50",
                "/office/rectifications?overdue=true",
                "/office/rectifications?status=OPEN&page=10",
                "/office/rectifications?org=" + URLEncoder.encode("镇", StandardCharsets.UTF_8));
        int rounds = smoke ? 1 : 10;
        Map<String, List<Double>> byKind = new TreeMap<>();
        Map<String, List<Double>> byUrl = new LinkedHashMap<>();
        for (int round = -1; round < rounds; round++) {
            for (String url : urls) {
                long t = System.nanoTime();
                Response r = s.send(get(s, url));
                double ms = (System.nanoTime() - t) / 1e6;
                r.expect(200, url);
                if (round >= 0) {
                    byKind.computeIfAbsent(url.startsWith("/office/dashboard") ? "ranking" : "ledger",
                            k -> new ArrayList<>()).add(ms);
                    byUrl.computeIfAbsent(url, k -> new ArrayList<>()).add(ms);
                }
            }
        }
        byUrl.forEach((url, values) -> {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            log(String.format(Locale.ROOT, "  %s: p50 %.1f ms, max %.1f ms", url, pct(sorted, 50),
                    sorted.get(sorted.size() - 1)));
        });
        for (Map.Entry<String, List<Double>> kind : byKind.entrySet()) {
            List<Double> values = new ArrayList<>(kind.getValue());
            Collections.sort(values);
            log(String.format(Locale.ROOT, "%s page: p50 %.1f ms, p95 %.1f ms (%d)", kind.getKey(), pct(values, 50),
                    pct(values, 95), values.size()));
            String name = kind.getKey().equals("ranking")
                    ? "Office ranking page (`GET /office/dashboard`: counts, reverse list, a page of 50; first and deep pages, type, search, sort), p95"
                    : "Office ledger page (`GET /office/rectifications`: a page of 50; first and deep pages, status, overdue, organization by name), p95";
            Figure f = figure(prefix.isEmpty() ? name : prefix + Character.toLowerCase(name.charAt(0)) + name.substring(1),
                    values, "ms", 300, true);
            f.value = pct(values, 95);
            f.label = "p95";
            f.runs = values.size() + " requests after " + urls.size() + " warm-up";
        }
    }

    /**
     * 9. (issue 17) a province on one machine: the district's parts ({@code --district DIR}) imported one
     * by one into one server on an empty database with a 1 GiB heap (each part into the database the
     * parts before it filled, as a large district arrives), then 2025 and 2026 evaluated with their
     * results stored (the server reads the organizations from the database in batches), then the office
     * pages of step 7 at that size. Its heap in use is sampled every 100 ms throughout. A part or an
     * evaluation that fails (an error answer, the server gone) is reported as missed with its reason,
     * and the step ends there.
     */
    void district() throws Exception {
        List<Path> parts;
        try (Stream<Path> files = Files.list(district)) {
            parts = files.filter(f -> f.getFileName().toString().matches("part-.*\\.json")).sorted().toList();
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--district " + district + " holds no part-*.json");
        }
        long count = 0;
        for (Path part : parts) {
            count += organizationsIn(part);
        }
        String size = String.format(Locale.ROOT, "%,d", count);
        String at = "… the " + size + "-organization district";
        Server s = new Server("district", false, false, List.of(DISTRICT_HEAP),
                List.of("--assessment.limits.evaluation-time=PT1H"));
        HeapSampler heap = new HeapSampler(s);
        List<Double> imports = new ArrayList<>();
        List<Double> importCpu = new ArrayList<>();
        String failed = null;
        for (Path part : parts) {
            double cpu = s.cpu();
            long t = System.nanoTime();
            try {
                importFile(s, part).expect(200, "import of " + part.getFileName());
            } catch (IOException | AssertionError e) {
                failed = "the import of " + part.getFileName() + " failed after " + number(seconds(t)) + " s: " + e;
                break;
            }
            imports.add(seconds(t));
            importCpu.add(s.cpu() - cpu);
            log(String.format(Locale.ROOT, "district: import of %s: %.2f s", part.getFileName(), seconds(t)));
        }
        String budget = "completes, `" + DISTRICT_HEAP + "`";
        Figure imported = figure("District of " + size + " organizations in " + parts.size() + " parts, one server with `"
                + DISTRICT_HEAP + "` (`--assessment.demo=false`): import of a part (`POST /api/import`, each into the"
                + " database the parts before it filled)", imports, "s", Double.NaN, true);
        imported.cpu = importCpu;
        imported.runs = imports.size() + " of " + parts.size() + " parts";
        imported.target = budget;
        imported.verdict = failed == null ? "met" : "**missed**";
        Map<String, Double> evaluated = new LinkedHashMap<>();
        for (String period : failed == null ? List.of("2025", "2026") : List.<String>of()) {
            double cpu = s.cpu();
            try {
                evaluated.put(period, timeEvaluation(s, period));
            } catch (IOException | AssertionError e) {
                failed = "the evaluation of " + period + " failed: " + e;
                break;
            }
            Figure f = figure(at + ": evaluation of " + period + " with its results stored (`POST /api/evaluations`, "
                    + (period.equals("2025") ? "the first" : "after 2025's") + ")", List.of(evaluated.get(period)),
                    "s", Double.NaN, true);
            f.cpu = List.of(s.cpu() - cpu);
            f.target = budget;
            f.verdict = "met";
        }
        if (failed == null) {
            pages(s, at + ": ");
        }
        double highest = heap.stop();
        Figure h = figure(at + ": heap in use, highest sample (every 100 ms from the first import to the last page)",
                List.of(highest), "MiB", Double.NaN, true);
        h.label = "max";
        s.stop();
        if (failed != null) {
            Figure f = figure(at + ": " + failed.replace('|', '/'), List.of(), "", Double.NaN, true);
            f.target = budget;
            f.verdict = "**missed**";
            log("district: " + failed);
        }
        if (evaluated.containsKey("2026") && !Double.isNaN(evaluationMedian)) {
            notes.add(String.format(Locale.ROOT, "The district's evaluation of 2026 took %.2f ms per organization, the"
                    + " %,d-organization bundle's (warm, median) %.2f ms: %.2f×.", 1000 * evaluated.get("2026") / count,
                    bundleOrganizations, 1000 * evaluationMedian / bundleOrganizations,
                    (evaluated.get("2026") / count) / (evaluationMedian / bundleOrganizations)));
        }
        notes.add("The district's parts: " + parts.stream().map(p -> p.getFileName().toString()).toList() + " in "
                + district + "; the district server's options: `" + DISTRICT_HEAP
                + " --assessment.limits.evaluation-time=PT1H` (the default 5 minutes is for a district of 10,000).");
    }

    /**
     * 8. (issue 15) the same data imported as JSON and as the Excel workbook, each into a fresh server
     * on an empty database: the one-year bundle ({@code --year-bundle}, the generator's {@code --years
     * 2026}) as JSON; the workbook the server's own export writes of it after that import
     * ({@code GET /api/import/export.xlsx?period=2026}: every organization, the period's facts, members and
     * visits), so both hold exactly the same records (the round trip is tested field by field). The
     * counts each import answers must agree. The servers' heap in use is sampled every 100 ms during
     * each import ({@code /actuator/metrics/jvm.memory.used?tag=area:heap}); run with
     * {@code --jvm-arg -Xmx1g} for the 1 GiB budget.
     */
    void workbook(String organizations) throws Exception {
        if (yearBundle == null || !Files.isRegularFile(yearBundle)) {
            throw new IllegalArgumentException("the workbook step needs --year-bundle (a one-year bundle)");
        }
        Path xlsx = workbookFile != null ? workbookFile : work.resolve("workbook-2026.xlsx");
        boolean exported = workbookFile != null && Files.isRegularFile(workbookFile);
        List<Double> json = new ArrayList<>();
        List<Double> workbook = new ArrayList<>();
        List<Double> jsonHeap = new ArrayList<>();
        List<Double> workbookHeap = new ArrayList<>();
        List<Double> jsonCpu = new ArrayList<>();
        List<Double> workbookCpu = new ArrayList<>();
        String jsonCounts = null;
        for (int i = 0; i < importRuns; i++) {
            Server a = start("json-" + i, false);
            double cpu = a.cpu();
            HeapSampler heap = new HeapSampler(a);
            long t = System.nanoTime();
            Response r = importFile(a, yearBundle);
            double secs = seconds(t);
            jsonHeap.add(heap.stop());
            r.expect(200, "JSON import");
            json.add(secs);
            jsonCpu.add(a.cpu() - cpu);
            jsonCounts = counts(r.body);
            log(String.format(Locale.ROOT, "JSON import of the one-year bundle: %.2f s, heap ≤ %.0f MiB, %s", secs,
                    jsonHeap.get(i), jsonCounts));
            if (i == 0 && !exported) {
                long te = System.nanoTime();
                HttpResponse<Path> export = http.send(get(a, "/api/import/export.xlsx?period=2026")
                        .header("Authorization", auth).timeout(LONG).build(), HttpResponse.BodyHandlers.ofFile(xlsx));
                if (export.statusCode() != 200) {
                    throw new AssertionError("export.xlsx: HTTP " + export.statusCode());
                }
                log(String.format(Locale.ROOT, "the workbook exported: %d MiB in %.2f s", Files.size(xlsx) / (1024 * 1024),
                        seconds(te)));
            }
            a.stop();

            Server b = start("workbook-" + i, false);
            cpu = b.cpu();
            heap = new HeapSampler(b);
            t = System.nanoTime();
            r = b.send(multipart(post(b, "/api/import"), "file", xlsx.getFileName().toString(), Files.readAllBytes(xlsx)));
            secs = seconds(t);
            workbookHeap.add(heap.stop());
            r.expect(200, "workbook import");
            workbook.add(secs);
            workbookCpu.add(b.cpu() - cpu);
            log(String.format(Locale.ROOT, "workbook import of the same data: %.2f s, heap ≤ %.0f MiB, %s", secs,
                    workbookHeap.get(i), counts(r.body)));
            if (!counts(r.body).equals(jsonCounts)) {
                throw new AssertionError("the workbook imported other counts than the JSON: " + counts(r.body) + " vs "
                        + jsonCounts);
            }
            b.stop();
        }
        figure("Import of one year of the " + organizations + "-organization district as JSON (`POST /api/import`,"
                + " fresh server, empty database)", json, "s", Double.NaN, true).cpu = jsonCpu;
        Figure w = figure("… the same records as the Excel workbook (`POST /api/import`, multipart `file`, .xlsx"
                + " exported by the server, " + Files.size(xlsx) / (1024 * 1024) + " MiB)", workbook, "s",
                1.5 * pct(json, 50), true);
        w.cpu = workbookCpu;
        w.target = "≤ 1.5 × JSON (" + number(1.5 * pct(json, 50)) + " s)";
        Figure hj = figure("Heap in use during the JSON import, highest sample", jsonHeap, "MiB", Double.NaN, true);
        hj.value = jsonHeap.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        hj.label = "max";
        Figure hw = figure("Heap in use during the workbook import, highest sample", workbookHeap, "MiB", 1024, true);
        hw.value = workbookHeap.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        hw.label = "max";
        notes.add(String.format(Locale.ROOT, "Workbook / JSON import time: %.2f× (medians); both imported %s.",
                pct(workbook, 50) / pct(json, 50), jsonCounts));
        notes.add("Server JVM options: " + (jvmArgs.isEmpty() ? "none (default heap)" : String.join(" ", jvmArgs)) + ".");
    }

    /** The record counts of an import's answer, for comparing two imports. */
    static String counts(String body) {
        StringBuilder counts = new StringBuilder();
        for (String kind : List.of("organizations", "periodFacts", "members", "visits", "findings")) {
            Matcher m = Pattern.compile("\"" + kind + "\"\\s*:\\s*(\\d+)").matcher(body);
            counts.append(counts.length() == 0 ? "" : ", ").append(kind).append(' ').append(m.find() ? m.group(1) : "?");
        }
        return counts.toString();
    }

    /** A multipart/form-data body with one file field. */
    static HttpRequest.Builder multipart(HttpRequest.Builder request, String field, String fileName, byte[] content) {
        String boundary = "----bench" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)));
    }

    /** Samples a server's heap in use every 100 ms until stopped; answers the highest sample in MiB. */
    final class HeapSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile double max;

        HeapSampler(Server s) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        Response r = s.send(get(s, "/actuator/metrics/jvm.memory.used?tag=area:heap"));
                        Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)")
                                .matcher(r.body);
                        if (r.status == 200 && m.find()) {
                            max = Math.max(max, Double.parseDouble(m.group(1)) / (1024 * 1024));
                        }
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException | RuntimeException e) {
                        // the server is busy: try again
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        double stop() throws InterruptedException {
            running = false;
            thread.join(5000);
            return max;
        }
    }

    void whatIf(Server s, double evaluationMedian) throws Exception {
        // 5. what-if with a draft that changes one weight, on the whole period
        Map<String, String> files = ruleFiles();
        Map<String, String> changed = new TreeMap<>();
        files.forEach((name, content) -> {
            if (!name.startsWith("scenarios/")) {
                changed.put(name, name.equals("50-combat.drl")
                        ? content.replace("final double WEIGHT_PERCENT = 25;", "final double WEIGHT_PERCENT = 20;") : content);
            }
        });
        changed.put("ruleset.properties", withVersion(files.get("ruleset.properties"), "whatif"));
        Response draft = s.send(post(s, "/api/rules/drafts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(filesJson(changed, "benchmark what-if"))));
        draft.expect(201, "what-if draft");
        String draftId = field(draft.body, "id");
        List<Double> whatIfs = new ArrayList<>();
        List<Double> whatIfCpu = new ArrayList<>();
        for (int i = smoke ? 0 : -1; i < runs; i++) {
            double cpu = s.cpu();
            long t = System.nanoTime();
            Response r = s.send(post(s, "/api/rules/drafts/" + draftId + "/what-if?period=2026")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            double secs = seconds(t);
            r.expect(200, "what-if");
            log(String.format(Locale.ROOT, "what-if%s: %.2f s", i < 0 ? " (warm-up)" : "", secs));
            if (i >= 0) {
                whatIfs.add(secs);
                whatIfCpu.add(s.cpu() - cpu);
            }
        }
        double whatIfTarget = 2 * evaluationMedian;
        Figure whatIf = figure("What-if of a draft on 2026 (`POST /api/rules/drafts/{id}/what-if`, both sets evaluated)",
                whatIfs, "s", whatIfTarget, true);
        whatIf.cpu = whatIfCpu;
        whatIf.target = String.format(Locale.ROOT, "≤ 2 × evaluation (%.2f s)", whatIfTarget);
    }

    void rules(Server s) throws Exception {
        Map<String, String> files = ruleFiles();

        // 6. rule-set compile (a draft is compiled and stored) and activation (its scenarios run, then the swap)
        List<Double> drafts = new ArrayList<>();
        List<Double> activations = new ArrayList<>();
        List<Double> both = new ArrayList<>();
        List<Double> draftCpu = new ArrayList<>();
        List<Double> activationCpu = new ArrayList<>();
        for (int i = smoke ? 0 : -1; i < runs; i++) {
            Map<String, String> set = new TreeMap<>(files);
            set.put("ruleset.properties", withVersion(files.get("ruleset.properties"), "r" + (i + 1)));
            double cpu0 = s.cpu();
            long t = System.nanoTime();
            Response d = s.send(post(s, "/api/rules/drafts").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(filesJson(set, "benchmark activation"))));
            double compile = seconds(t);
            d.expect(201, "draft");
            approve(s, field(d.body, "id"));
            double cpu1 = s.cpu();
            t = System.nanoTime();
            Response a = s.send(post(s, "/api/rules/versions/" + field(d.body, "id") + "/activate")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            double activate = seconds(t);
            double cpu2 = s.cpu();
            a.expect(200, "activate");
            log(String.format(Locale.ROOT, "rule set draft (compile) %.2f s, activation %.2f s%s", compile, activate,
                    i < 0 ? " (warm-up)" : ""));
            if (i >= 0) {
                drafts.add(compile);
                activations.add(activate);
                both.add(compile + activate);
                draftCpu.add(cpu1 - cpu0);
                activationCpu.add(cpu2 - cpu1);
            }
        }
        figure("Rule set: draft stored (`POST /api/rules/drafts`: compile)", drafts, "s", Double.NaN, true).cpu = draftCpu;
        figure("Rule set: activation (`POST …/activate`: its scenarios, the swap)", activations, "s", Double.NaN, true)
                .cpu = activationCpu;
        figure("Rule set compile and activation (the two calls above)", both, "s", 2, true);
    }

    /**
     * Four-eyes activation: a second person (an EVALUATOR created once by the administrator) reads the
     * draft's impact notice and approves it with its digest; not timed.
     */
    void approve(Server s, String id) throws Exception {
        String approver = "Basic " + Base64.getEncoder().encodeToString(
                "bench-approver:bench-approver-password".getBytes(StandardCharsets.UTF_8));
        Response user = s.send(post(s, "/api/users").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"username\":\"bench-approver\",\"password\":\"bench-approver-password\",\"displayName\":\"基准审批\","
                        + "\"role\":\"EVALUATOR\"}")));
        if (user.status() != 201 && user.status() != 409) {
            user.expect(201, "approver");
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> notice = http.send(get(s, "/api/rules/versions/" + id + "/notice?period=2026")
                .header("Authorization", approver).timeout(LONG).build(), HttpResponse.BodyHandlers.ofString());
        new Response(notice.statusCode(), notice.body()).expect(200, "impact notice");
        HttpResponse<String> approved = http.send(post(s, "/api/rules/versions/" + id + "/approve")
                .header("Authorization", approver).header("Content-Type", "application/json").timeout(LONG)
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2026\",\"digest\":\""
                        + field(notice.body(), "digest") + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        new Response(approved.statusCode(), approved.body()).expect(200, "approval");
    }

    double timeEvaluation(Server s, String period) throws Exception {
        long t = System.nanoTime();
        Response r = s.send(post(s, "/api/evaluations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"" + period + "\"}")));
        double secs = seconds(t);
        r.expect(201, "evaluation of " + period);
        log(String.format(Locale.ROOT, "evaluation of %s with its results stored: %.2f s", period, secs));
        return secs;
    }

    void visitLatency(Server s) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int page = 0; codes.size() < 5000; page++) {
            Response r = s.send(get(s, "/api/rankings?period=2026&size=1000&page=" + page));
            r.expect(200, "rankings");
            Matcher m = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body);
            int before = codes.size();
            while (m.find()) {
                codes.add(m.group(1));
            }
            if (codes.size() - before < 1000) {
                break;
            }
        }
        if (codes.isEmpty()) {
            throw new AssertionError("the 2026 rankings list no organization");
        }
        Random random = new Random(42);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        int warmUp = smoke ? 5 : 50;
        List<Double> pairs = new ArrayList<>();
        List<Double> posts = new ArrayList<>();
        List<Double> results = new ArrayList<>();
        for (int i = 0; i < warmUp + latency; i++) {
            String code = codes.get(random.nextInt(codes.size()));
            String visit = "{\"visitId\":\"BENCH-" + run + "-" + i + "\",\"orgCode\":\"" + code
                    + "\",\"date\":\"2026-06-" + (10 + i % 18) + "\",\"mode\":\"" + (i % 2 == 0 ? "OPEN" : "COVERT")
                    + "\",\"team\":\"督查一组\",\"inspectors\":[\"张三\",\"李四\"],\"findings\":[{\"item\":\"C0"
                    + (1 + i % 9) + "\",\"note\":\"基准测试 benchmark\"}]}";
            long t = System.nanoTime();
            s.send(post(s, "/api/visits").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(visit))).expect(201, "visit");
            long posted = System.nanoTime();
            s.send(get(s, "/api/organizations/" + code + "/result?period=2026")).expect(200, "result");
            long done = System.nanoTime();
            if (i >= warmUp) {
                pairs.add((done - t) / 1e6);
                posts.add((posted - t) / 1e6);
                results.add((done - posted) / 1e6);
            }
        }
        Collections.sort(pairs);
        log(String.format(Locale.ROOT, "visit + result: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d)", pct(pairs, 50),
                pct(pairs, 95), pct(pairs, 99), pairs.size()));
        Figure f = figure("Visit posted + its organization's result re-evaluated, p95 (`POST /api/visits`, "
                + "`GET /api/organizations/{code}/result`)", pairs, "ms", 50, true);
        f.value = pct(pairs, 95);
        f.runs = pairs.size() + " pairs after " + warmUp + " warm-up";
        f.label = "p95";
        figure("… the same, p50", pairs, "ms", Double.NaN, true).runs = pairs.size() + " pairs";
        Figure p99 = figure("… the same, p99", pairs, "ms", Double.NaN, true);
        p99.value = pct(pairs, 99);
        p99.runs = pairs.size() + " pairs";
        p99.label = "p99";
        figure("… of which the visit post, p50", posts, "ms", Double.NaN, true).runs = posts.size();
        figure("… of which the result, p50", results, "ms", Double.NaN, true).runs = results.size();
    }

    // ------------------------------------------------------------------ the servers

    final class Server {
        final Path data;
        final int port;
        final Process process;
        final Path log;
        long readyMs;

        /**
         * @param moreJvm  JVM options of this server only, after {@code --jvm-arg}'s
         * @param moreArgs server options of this server only, after {@code --server-arg}'s
         */
        Server(String name, boolean demo, boolean launched, List<String> moreJvm, List<String> moreArgs)
                throws IOException {
            data = work.resolve(name);
            deleteTree(data);
            Files.createDirectories(data);
            port = portFrom == 0 ? freePort() : freePort(portFrom, portTo);
            log = work.resolve(name + ".log");
            List<String> cmd = new ArrayList<>();
            List<String> options = new ArrayList<>();
            jvmArgs.forEach(a -> options.add(a.replace("{name}", work.resolve(name).toAbsolutePath().toString())));
            options.addAll(moreJvm);
            if (launched) {
                // the launcher execs java with JAVA_OPTS, so the process is the server's JVM itself
                cmd.add(launcher.toAbsolutePath().toString());
            } else {
                cmd.add(java);
                cmd.addAll(options);
                cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            }
            cmd.addAll(List.of("--server.port=" + port,
                    "--server.address=127.0.0.1", "--assessment.data-dir=" + data.toAbsolutePath(),
                    "--assessment.demo=" + demo));
            String prepared = prepare == null ? "" : prepare(name);
            serverArgs.forEach(a -> cmd.add(a.replace("{data}", data.toAbsolutePath().toString())
                    .replace("{prepared}", prepared)));
            cmd.addAll(moreArgs);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("ASSESSMENT_ADMIN_PASSWORD", PASSWORD);
            if (launched) {
                pb.environment().put("JAVA_OPTS", String.join(" ", options));
                pb.environment().put("PATH", Path.of(java).toAbsolutePath().getParent() + System.getProperty("path.separator")
                        + System.getenv().getOrDefault("PATH", ""));
            }
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            long t = System.nanoTime();
            process = pb.start();
            servers.add(this);
            awaitReady(t);
        }

        /** Runs {@code --prepare} for this server; answers the last line it printed. */
        private String prepare(String name) throws IOException {
            Process p = new ProcessBuilder("bash", "-c", ServerBenchmark.this.prepare.replace("{name}", name))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            try {
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("--prepare failed (" + p.exitValue() + ") for " + name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return out.substring(out.lastIndexOf('\n') + 1);
        }

        private void awaitReady(long started) throws IOException {
            HttpRequest health = HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited (" + process.exitValue() + "); see " + log);
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("the server was not ready after 5 minutes; see " + log);
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        readyMs = (System.nanoTime() - started) / 1_000_000;
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(50);
            }
        }

        /** The CPU time the server process has used so far, in seconds (all its threads). */
        double cpu() {
            return process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(request.header("Authorization", auth).timeout(LONG).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        }

        void stop() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            servers.remove(this);
        }
    }

    Server start(String name, boolean demo) throws IOException {
        return new Server(name, demo, false, List.of(), List.of());
    }

    /**
     * The same cold start through the launcher, which is how the README starts the server: the first
     * start after a build also extracts the jar and records the class-data archive (a training start),
     * timed apart; then {@code startRuns} starts that map the archive, each on a new data folder.
     */
    void launcherStarts() throws IOException {
        Path target = launcher.toAbsolutePath().getParent().getParent().resolve("target");
        deleteTree(target.resolve("server"));
        // the class data the launcher records per runtime (server-VERSION.jsa on JDK 17, .aot on JDK 25)
        try (var files = Files.list(target)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("server.*\\.(jsa|aot)")).toList()) {
                Files.delete(f);
            }
        }
        Server first = new Server("launcher-first", true, true, List.of(), List.of());
        log("first start through the launcher (extract + training start + start): " + first.readyMs + " ms");
        Figure once = figure("… through the launcher, first start after a build (extract + class data recorded)",
                List.of(first.readyMs / 1000.0), "s", Double.NaN, true);
        once.cpu = List.of(first.cpu());
        first.stop();
        List<Double> starts = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < startRuns; i++) {
            Server s = new Server("launcher-" + i, true, true, List.of(), List.of());
            starts.add(s.readyMs / 1000.0);
            cpu.add(s.cpu());
            log("cold start with the demo district through the launcher: " + s.readyMs + " ms");
            s.stop();
        }
        figure("… through the launcher `web-api/bin/assessment-server` (class data mapped), demo district", starts,
                "s", 10, true).cpu = cpu;
    }

    void stopAll() {
        for (Server s : List.copyOf(servers)) {
            s.stop();
        }
    }

    /** {@code POST /api/import} of a JSON bundle file. */
    Response importFile(Server s, Path file) throws IOException, InterruptedException {
        return s.send(post(s, "/api/import").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
    }

    HttpRequest.Builder post(Server s, String path) {
        return HttpRequest.newBuilder(URI.create(s.base() + path));
    }

    HttpRequest.Builder get(Server s, String path) {
        return HttpRequest.newBuilder(URI.create(s.base() + path)).GET();
    }

    record Response(int status, String body) {
        Response expect(int expected, String what) {
            if (status != expected) {
                throw new AssertionError(what + ": HTTP " + status + " (expected " + expected + "): "
                        + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
            }
            return this;
        }
    }

    // ------------------------------------------------------------------ figures and the report

    static final class Figure {
        final String name;
        final List<Double> values;
        final String unit;
        final double limit;
        String target;
        Object runs;
        double value;
        String label = "median";
        /** The server's CPU seconds of each run, when measured. */
        List<Double> cpu = List.of();
        /** The verdict when it is not a number against the limit (e.g. "met" for a step that completed). */
        String verdict;

        Figure(String name, List<Double> values, String unit, double limit) {
            this.name = name;
            this.values = List.copyOf(values);
            this.unit = unit;
            this.limit = limit;
            this.runs = values.size();
            this.value = pct(values, 50);
            this.target = Double.isNaN(limit) ? "—" : "≤ " + number(limit) + " " + unit;
        }

        double median() {
            return pct(values, 50);
        }

        String verdict(boolean smoke) {
            if (Double.isNaN(limit) && verdict == null) {
                return "";
            }
            if (smoke) {
                return "(smoke)";
            }
            if (verdict != null) {
                return verdict;
            }
            return value <= limit ? "met" : "**missed**";
        }
    }

    Figure figure(String name, List<Double> values, String unit, double limit, boolean add) {
        Figure f = new Figure(name, values, unit, limit);
        if (add) {
            figures.add(f);
        }
        return f;
    }

    String report(String organizations) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(smoke ? "Smoke run (one run each on a small bundle; the targets are for the 10,000-organization bundle)."
                : "Measured " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).substring(0, 16)
                + " with the " + organizations + "-organization bundle (`" + bundle.getFileName() + "`, "
                + Files.size(bundle) / (1024 * 1024) + " MB).").append("\n\n");
        md.append("| figure | value | runs | target | | server CPU |\n|---|---:|---:|---|---|---:|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.name).append(" | ").append(f.label.equals("median") ? "" : f.label + " ")
                    .append(number(f.value)).append(' ').append(f.unit).append(" | ").append(f.runs).append(" | ")
                    .append(f.target).append(" | ").append(f.verdict(smoke)).append(" | ")
                    .append(f.cpu.isEmpty() ? "" : number(pct(f.cpu, 50)) + " s").append(" |\n");
        }
        md.append("\n*Server CPU*: the median CPU time the server process used during the step, all threads (for a"
                + " cold start: until ready); it depends much less than wall time on what else the machine runs.\n");
        md.append("\nValues are medians unless marked p95/p99; every run's value in seconds or ms:\n\n");
        for (Figure f : figures) {
            if (f.values.size() <= 10) {
                md.append("- ").append(f.name.replaceAll(" \\(.*", "")).append(": ")
                        .append(f.values.stream().map(ServerBenchmark::number).toList()).append(' ').append(f.unit)
                        .append('\n');
            }
        }
        for (String n : notes) {
            md.append("- ").append(n).append('\n');
        }
        md.append("\nMachine: ").append(machine()).append("\n\nCommand (from a clean checkout, after `mvn -q -B -ntp package -DskipTests`):\n\n```sh\n")
                .append(command).append("\n```\n");
        return md.toString();
    }

    String machine() {
        String memory = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memory = lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String version = "?";
        try {
            Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
                    .replace("\n", "; ");
            p.waitFor();
        } catch (IOException | InterruptedException e) {
            // keep "?"
        }
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceAll(".*:\\s*", ""))
                    .orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; servers run with `"
                + java + " -jar` (default heap) — `java -version`: " + version
                + "; load average at the end: " + loadAverage();
    }

    static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l);
    }

    /** Replaces the text between the markers (the file or the section is created when missing). */
    void writeBenchmarks(String table) throws IOException {
        Path target = benchmarks;
        if (smoke) {
            // the smoke run checks the rewriting on a copy and leaves the checkout alone
            target = work.resolve("BENCHMARKS.md");
            if (Files.exists(benchmarks)) {
                Files.copy(benchmarks, target);
            }
        }
        String text = Files.exists(target) ? Files.readString(target) : "# Benchmarks\n";
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        String section = START + "\n" + table + END;
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + section + text.substring(to + END.length());
        } else {
            text = text.stripTrailing() + "\n\n## Server (HTTP path)\n\nWritten by `tools/bench/server-benchmark.sh`;"
                    + " do not edit between the markers.\n\n" + section + "\n";
        }
        Files.writeString(target, text);
        String check = Files.readString(target);
        if (check.indexOf(START) < 0 || !check.contains(table)) {
            throw new AssertionError("the server section of " + target + " was not written");
        }
        log((smoke ? "smoke: rewrote a copy, " : "wrote the server section of ") + target.toAbsolutePath());
    }

    // ------------------------------------------------------------------ helpers

    static long organizationsIn(Path file) throws IOException {
        // the bundle's organizations[] comes first; count its "code" keys without a JSON library
        try (Stream<String> lines = Files.lines(file)) {
            return lines.takeWhile(l -> !l.contains("\"periodFacts\"")).filter(l -> l.contains("\"code\"")).count();
        }
    }

    Map<String, String> ruleFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                String name = rules.relativize(p).toString().replace('\\', '/');
                if (name.endsWith(".drl") || name.equals("ruleset.properties") || name.startsWith("scenarios/")) {
                    files.put(name, Files.readString(p));
                }
            }
        }
        if (!files.containsKey("ruleset.properties")) {
            throw new IllegalArgumentException("no ruleset.properties in " + rules);
        }
        return files;
    }

    static String withVersion(String properties, String suffix) {
        return properties.replaceFirst("(?m)^version\\s*=\\s*(\\S+)\\s*$",
                "version=$1-bench-" + suffix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
    }

    static String filesJson(Map<String, String> files, String comment) {
        StringBuilder json = new StringBuilder("{\"comment\":").append(quote(comment)).append(",\"files\":{");
        String sep = "";
        for (Map.Entry<String, String> e : files.entrySet()) {
            json.append(sep).append(quote(e.getKey())).append(':').append(quote(e.getValue()));
            sep = ",";
        }
        return json.append("}}").toString();
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (p == 50) {
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    static String number(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port of the range that nobody listens on now (the machine may be shared: {@code --ports}). */
    static int freePort(int from, int to) throws IOException {
        for (int p = from; p <= to; p++) {
            try (ServerSocket socket = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port in " + from + "-" + to);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(String message) {
        System.out.println("[bench " + LocalTime.now().withNano(0) + "] " + message);
    }
}
