import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of a running assessment server (issue 5), JDK only:
 *
 * <pre>java tools/load/LoadTest.java --base http://127.0.0.1:PORT --user admin --password PW --clients 20 --seconds 60</pre>
 *
 * For the given time, an evaluation of the period is always running (one is started as soon as the
 * previous one finished), while each client thread alternates posting a new, valid inspection visit
 * (an organization ranked in the period, a date in the period not after today, findings from the
 * checklist catalog C01–C12 of 00-catalog.drl) and reading the period's rankings. Every response is
 * recorded; afterwards every acknowledged visit is read back. Prints a Markdown table (requests,
 * status classes, throughput, p50/p95/p99/max latency per operation) and exits 1 on any 5xx,
 * transport error, other unexpected status, or acknowledged visit not stored.
 */
public class LoadTest {

    private static final String[] ITEMS = {"C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10",
        "C11", "C12"};
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    /** One operation's responses. */
    static final class Stats {
        final String name;
        final Queue<Long> nanos = new ConcurrentLinkedQueue<>();
        final Map<String, LongAdder> classes = new ConcurrentHashMap<>();
        final Queue<String> problems = new ConcurrentLinkedQueue<>();

        Stats(String name) {
            this.name = name;
        }

        void record(long took, String statusClass) {
            nanos.add(took);
            classes.computeIfAbsent(statusClass, k -> new LongAdder()).increment();
        }

        long count(String statusClass) {
            LongAdder adder = classes.get(statusClass);
            return adder == null ? 0 : adder.sum();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;
    private final String period;
    private final Map<String, Stats> stats = new LinkedHashMap<>();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

    LoadTest(String base, String user, String password, String period) {
        this.base = base.replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.period = period;
        for (String op : new String[] {"POST /api/visits", "GET /api/rankings", "POST /api/evaluations",
            "GET /api/visits/{id} (check)"}) {
            stats.put(op, new Stats(op));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--base", "http://127.0.0.1:8080", "--user", "admin",
                "--password", "", "--clients", "20", "--seconds", "60", "--period", "2026"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; options: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        LoadTest test = new LoadTest(options.get("--base"), options.get("--user"), options.get("--password"),
                options.get("--period"));
        boolean ok = test.run(Integer.parseInt(options.get("--clients")), Integer.parseInt(options.get("--seconds")));
        System.exit(ok ? 0 : 1);
    }

    boolean run(int clients, int seconds) throws Exception {
        List<String> orgs = organizations();
        LocalDate first = LocalDate.parse(period.substring(0, 4) + "-01-01");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        LocalDate last = today.isBefore(first.plusYears(1)) ? today : first.plusYears(1).minusDays(1);
        System.out.printf("load: %d organizations ranked in %s; %d clients for %d s against %s (run %s)%n",
                orgs.size(), period, clients, seconds, base, run);

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        long started = System.nanoTime();
        Future<Integer> evaluations = pool.submit(() -> {
            int n = 0;
            while (!stop.get()) {
                send("POST /api/evaluations", post("/api/evaluations", "{\"period\":\"" + period + "\"}"), 201);
                n++;
            }
            return n;
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                for (long seq = 0; !stop.get(); seq++) {
                    String id = "LT-" + run + "-" + client + "-" + seq;
                    String body = visit(id, orgs, first, last);
                    if (send("POST /api/visits", post("/api/visits", body), 201)) {
                        acknowledged.add(id);
                    }
                    send("GET /api/rankings", get("/api/rankings?period=" + period + "&size=20"), 200);
                }
                return null;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> w : workers) {
            w.get(120, TimeUnit.SECONDS);
        }
        double clientSeconds = (System.nanoTime() - started) / 1e9;
        int evaluationRuns = evaluations.get(300, TimeUnit.SECONDS);
        double allSeconds = (System.nanoTime() - started) / 1e9;

        List<String> ids = new ArrayList<>(acknowledged);
        List<Future<?>> checks = new ArrayList<>();
        int per = (ids.size() + clients - 1) / Math.max(1, clients);
        long checkStarted = System.nanoTime();
        for (int from = 0; from < ids.size(); from += per) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + per));
            checks.add(pool.submit(() -> {
                for (String id : slice) {
                    send("GET /api/visits/{id} (check)", get("/api/visits/" + id), 200);
                }
                return null;
            }));
        }
        for (Future<?> f : checks) {
            f.get(300, TimeUnit.SECONDS);
        }
        double checkSeconds = (System.nanoTime() - checkStarted) / 1e9;
        pool.shutdown();

        System.out.printf("%nload: %d clients for %.1f s (evaluations until %.1f s); %d evaluation runs;"
                        + " %d visits acknowledged, all read back in %.1f s%n%n", clients, clientSeconds, allSeconds,
                evaluationRuns, ids.size(), checkSeconds);
        System.out.println("| operation | requests | 2xx | 4xx | 5xx | transport errors | throughput (req/s) | p50 ms"
                + " | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        boolean ok = true;
        for (Stats s : stats.values()) {
            long[] sorted = s.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            double window = s.name.startsWith("GET /api/visits/{id}") ? checkSeconds
                    : s.name.startsWith("POST /api/evaluations") ? allSeconds : clientSeconds;
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %s | %s | %s | %s |%n", s.name,
                    sorted.length, s.count("2xx"), s.count("4xx"), s.count("5xx"), s.count("error"),
                    sorted.length / window, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
            for (String p : s.problems.stream().limit(10).toList()) {
                System.out.println("load: " + s.name + ": " + p);
            }
            ok &= s.problems.isEmpty();
        }
        System.out.println();
        System.out.println(ok ? "load: PASS — no 5xx, no transport error, every acknowledged visit stored"
                : "load: FAIL — see the problems above");
        return ok;
    }

    /** Codes of the organizations ranked in the period (they have facts), read page by page. */
    private List<String> organizations() {
        List<String> codes = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> r = call(get("/api/rankings?period=" + period + "&size=1000&page=" + page));
            if (r == null || r.statusCode() != 200) {
                throw new IllegalStateException("cannot read the rankings of " + period + ": "
                        + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
            }
            int before = codes.size();
            Matcher m = CODE.matcher(r.body());
            while (m.find()) {
                codes.add(m.group(1));
            }
            if (codes.size() == before || codes.size() - before < 1000) {
                break;
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("no organization is ranked in " + period + ": evaluate it first");
        }
        return codes;
    }

    /** A new valid visit: an organization, a date in the period, 0–3 findings from the catalog. */
    private static String visit(String id, List<String> orgs, LocalDate first, LocalDate last) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate date = first.plusDays(random.nextLong(last.toEpochDay() - first.toEpochDay() + 1));
        StringBuilder findings = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String item = ITEMS[random.nextInt(ITEMS.length)];
            findings.append(i == 0 ? "" : ", ").append("{\"item\": \"").append(item).append('"')
                    .append(item.equals("C12") ? ", \"deduction\": " + (1 + random.nextInt(20)) : "")
                    .append(", \"note\": \"压力测试 load test\"}");
        }
        return "{\"visitId\": \"" + id + "\", \"orgCode\": \"" + orgs.get(random.nextInt(orgs.size()))
                + "\", \"date\": \"" + date + "\", \"mode\": \"" + (random.nextBoolean() ? "OPEN" : "COVERT")
                + "\", \"team\": \"压测督查组\", \"inspectors\": [\"压测员" + random.nextInt(100)
                + "\"], \"findings\": [" + findings + "]}";
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(120)).GET().build();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(300))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    /** Sends, records the latency and status class; false (and a problem) unless the status is the expected one. */
    private boolean send(String op, HttpRequest request, int expected) {
        Stats s = stats.get(op);
        long t0 = System.nanoTime();
        HttpResponse<String> r = call(request);
        long took = System.nanoTime() - t0;
        if (r == null) {
            s.record(took, "error");
            s.problems.add("transport error on " + request.uri());
            return false;
        }
        s.record(took, (r.statusCode() / 100) + "xx");
        if (r.statusCode() != expected) {
            s.problems.add(r.statusCode() + " on " + request.uri() + ": " + abbreviate(r.body()));
            return false;
        }
        return true;
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "–";
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
