import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two instances of the assessment server on one database behave as one server (issue 13), JDK only:
 *
 * <pre>java tools/load/TwoInstanceTest.java --a http://127.0.0.1:PA --b http://127.0.0.1:PB --password PW
 *     --kill-pid PID_OF_B [--clients 20] [--seconds 60] [--acknowledged FILE]</pre>
 *
 * Both servers hold the demo district (its users sign in with the demo password). In order:
 * <ol>
 * <li>session: signed in with the form on A, the session cookie is used on B;</li>
 * <li>disabled: a user signed in on B (HTTP Basic and a form session) and disabled on A is refused on B;</li>
 * <li>evaluation: one evaluation of the period started on each instance at the same moment: one runs,
 *     the other is refused with a clear answer or waits for it (its run ends at least half a lone
 *     evaluation's time after the first; two runs that overlap end together);</li>
 * <li>load: CLIENTS clients spread over both for SECONDS: posting visits and reading rankings (the
 *     administrator), and submitting rectifications and reading the organization's result (the
 *     representative of 柳河镇党委, with the administrator rejecting submitted items so that there is
 *     always something to submit);</li>
 * <li>activation: during the load a draft (the active set with a changed comment), approved by the
 *     evaluator after its impact notice (four-eyes), is activated on A;
 *     the time until B has it in force is measured (at most 5 s);</li>
 * <li>kill: at 60 % of the load B is killed with {@code kill -9}; its clients go on with A (as behind a
 *     load balancer); A must answer every request during and after (no 5xx, no transport error);</li>
 * <li>no acknowledged write lost: every visit and rectification submission that got a 2xx, from
 *     either instance, is read back from A; the acknowledged visit ids are written to FILE for a check
 *     in the database itself;</li>
 * <li>audit: A verifies the audit hash chain.</li>
 * </ol>
 * Prints PASS or FAIL per check; exits 1 on any FAIL.
 */
public class TwoInstanceTest {

    private static final String REP = "liuhe";
    private static final String REP_ORG = "XQ-Z01";
    private static final String DEMO_PASSWORD = "demo2026";
    private static final String[] ITEMS = {"C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10",
        "C11"};
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String a;
    private final String b;
    private final String admin;
    private final String rep = basic(REP, DEMO_PASSWORD);
    private final long killPid;
    private final String period;
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private final Map<String, Boolean> results = new LinkedHashMap<>();
    private final String logA;
    private final String logB;

    TwoInstanceTest(String a, String b, String password, long killPid, String period, String logA, String logB) {
        this.logA = logA;
        this.logB = logB;
        this.a = a.replaceAll("/+$", "");
        this.b = b.replaceAll("/+$", "");
        this.admin = basic("admin", password);
        this.killPid = killPid;
        this.period = period;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--a", "", "--b", "", "--password", "", "--kill-pid", "0",
                "--clients", "20", "--seconds", "60", "--period", "2026", "--acknowledged", "", "--log-a", "", "--log-b", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!o.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(args[i], args[i + 1]);
        }
        TwoInstanceTest t = new TwoInstanceTest(o.get("--a"), o.get("--b"), o.get("--password"),
                Long.parseLong(o.get("--kill-pid")), o.get("--period"), o.get("--log-a"), o.get("--log-b"));
        try {
            t.sessionOnTheOther();
            t.disabledOnTheOther();
            t.oneEvaluationAtATime();
            t.activationFollowed();
            t.load(Integer.parseInt(o.get("--clients")), Integer.parseInt(o.get("--seconds")),
                    o.get("--acknowledged"));
            t.auditChain();
        } catch (Throwable e) {
            // the clients are daemon threads: they end with this
            t.check("the test ran to its end", false, e.toString());
            e.printStackTrace(System.out);
        }
        System.out.println();
        long failed = t.results.values().stream().filter(ok -> !ok).count();
        System.out.println("two-instances: " + (t.results.size() - failed) + " checks passed, " + failed + " failed"
                + (failed == 0 ? "" : ": " + t.results.entrySet().stream().filter(e -> !e.getValue())
                        .map(Map.Entry::getKey).toList()));
        System.exit(failed == 0 ? 0 : 1);
    }

    private void check(String name, boolean ok, String detail) {
        results.put(name, ok);
        System.out.println((ok ? "PASS " : "FAIL ") + name + ": " + detail);
    }

    // ---- 1. a session made on one instance used on the other

    void sessionOnTheOther() {
        try {
            String cookie = signIn(a, "evaluator", DEMO_PASSWORD);
            HttpResponse<String> onA = call(request(a, "/api/me").header("Cookie", cookie).GET().build());
            HttpResponse<String> onB = call(request(b, "/api/me").header("Cookie", cookie).GET().build());
            boolean ok = status(onA) == 200 && status(onB) == 200 && onB.body().contains("\"evaluator\"");
            check("session on the other instance", ok, "signed in with the form on A; GET /api/me with its cookie: A "
                    + status(onA) + ", B " + status(onB) + (ok ? " as evaluator" : " (B does not know the session)"));
        } catch (RuntimeException e) {
            check("session on the other instance", false, e.toString());
        }
    }

    /** Signs in with the form (CSRF token from the form first); the Cookie header of the signed-in session. */
    private String signIn(String base, String user, String password) {
        HttpResponse<String> form = call(request(base, "/login").GET().build());
        Matcher m = CSRF.matcher(form == null ? "" : form.body());
        if (form == null || !m.find()) {
            throw new IllegalStateException("no sign-in form with a CSRF token at " + base + "/login");
        }
        String before = cookies(form, "");
        HttpResponse<String> signedIn = call(request(base, "/login").header("Cookie", before)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&_csrf=" + enc(m.group(1)))).build());
        String location = signedIn == null ? "" : signedIn.headers().firstValue("Location").orElse("");
        if (status(signedIn) != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in as " + user + " at " + base + " failed: " + status(signedIn)
                    + " " + location);
        }
        return cookies(signedIn, before);
    }

    /** The cookies the response sets, over the ones sent before, as a Cookie header value. */
    private static String cookies(HttpResponse<String> response, String before) {
        Map<String, String> jar = new LinkedHashMap<>();
        for (String c : before.split(";\\s*")) {
            if (c.contains("=")) {
                jar.put(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1));
            }
        }
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            if (pair.contains("=")) {
                jar.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    // ---- 2. a user disabled on one instance refused on the other

    void disabledOnTheOther() {
        String name = "two-" + run.toLowerCase(Locale.ROOT);
        String password = "Two-instance-" + run + "-pw";
        try {
            String user = "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"displayName\":\"双实例测试"
                    + "\",\"role\":\"INSPECTOR\",\"enabled\":true}";
            HttpResponse<String> created = call(post(a, "/api/users", admin, user));
            if (status(created) != 201) {
                throw new IllegalStateException("cannot create the user on A: " + status(created) + " " + body(created));
            }
            String userBasic = basic(name, password);
            int basicBefore = status(call(request(b, "/api/me").header("Authorization", userBasic).GET().build()));
            String session = signIn(b, name, password);
            int sessionBefore = status(call(request(b, "/api/me").header("Cookie", session).GET().build()));
            HttpResponse<String> disabled = call(put(a, "/api/users/" + name, admin, user.replace("\"enabled\":true",
                    "\"enabled\":false").replace(",\"password\":\"" + password + "\"", "")));
            long at = System.nanoTime();
            if (status(disabled) != 200) {
                throw new IllegalStateException("cannot disable the user on A: " + status(disabled) + " "
                        + body(disabled));
            }
            // at once: the account's state is in the database; a remembered sign-in must not outlive it
            int basicAfter = status(call(request(b, "/api/me").header("Authorization", userBasic).GET().build()));
            int sessionAfter = status(call(request(b, "/api/me").header("Cookie", session).GET().build()));
            double ms = (System.nanoTime() - at) / 1e6;
            boolean ok = basicBefore == 200 && sessionBefore == 200 && basicAfter == 401 && sessionAfter == 401;
            check("disabled on the other instance", ok, String.format(Locale.ROOT, "user %s signed in on B (HTTP Basic %d,"
                    + " form session %d), disabled on A; on B right after (%.0f ms): HTTP Basic %d, session %d"
                    + " (401 expected)", name, basicBefore, sessionBefore, ms, basicAfter, sessionAfter));
        } catch (RuntimeException e) {
            check("disabled on the other instance", false, e.toString());
        }
    }

    // ---- 3. one evaluation of a period at a time across instances

    static final int EVALUATIONS_PER_INSTANCE = 3;

    /**
     * Evaluations of one period asked on both instances at the same moment ({@value
     * #EVALUATIONS_PER_INSTANCE} on each, so that runs on the two would overlap by far without a lock
     * between them: one of the demo district takes a few tenths of a second). Each is either refused
     * with a clear answer (409, 423, 429 or 503 with a problem detail) or runs; the runs of A and of B
     * must not overlap, read from the servers' logs (the runner logs "evaluation of P as of D started"
     * once it holds the evaluation lock and "evaluation #N of P as of D: ..." when it is done, before
     * it commits and lets go). Within one instance they never did (a lock in the JVM).
     */
    void oneEvaluationAtATime() throws Exception {
        String name = "one evaluation at a time";
        String body = "{\"period\":\"" + period + "\"}";
        double alone = 0;
        for (String base : List.of(a, b)) {
            // warm: the first evaluation of a JVM loads and compiles much code
            long lone = System.nanoTime();
            HttpResponse<String> warm = call(post(base, "/api/evaluations", admin, body));
            alone = (System.nanoTime() - lone) / 1e9;
            if (status(warm) != 201) {
                check(name, false, "a lone evaluation answered " + status(warm) + " " + abbreviate(body(warm)));
                return;
            }
        }
        java.time.Instant mark = java.time.Instant.now();
        int n = 2 * EVALUATIONS_PER_INSTANCE;
        ExecutorService pool = Executors.newFixedThreadPool(n, TwoInstanceTest::daemon);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String base = i % 2 == 0 ? a : b;
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call(post(base, "/api/evaluations", admin, body));
            }));
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        int ran = 0;
        List<String> refusals = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = answers.get(i).get(5, TimeUnit.MINUTES);
            int st = status(r);
            if (st == 201) {
                ran++;
            } else if ((st == 409 || st == 423 || st == 429 || st == 503) && body(r).contains("detail")) {
                refusals.add((i % 2 == 0 ? "A " : "B ") + st + " " + abbreviate(body(r)));
            } else {
                unclear.add((i % 2 == 0 ? "A " : "B ") + st + " " + abbreviate(body(r)));
            }
        }
        double took = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Thread.sleep(500);
        List<java.time.Instant[]> onA = evaluationRuns(logA, mark);
        List<java.time.Instant[]> onB = evaluationRuns(logB, mark);
        String figures = String.format(Locale.ROOT, "a lone evaluation took %.2f s; %d asked at once (%d on each): %d"
                + " ran, %d refused in %.2f s", alone, n, n / 2, ran, refusals.size(), took);
        if (!unclear.isEmpty() || ran == 0) {
            check(name, false, figures + "; unclear answers: " + unclear);
            return;
        }
        if (onA.size() + onB.size() != ran) {
            check(name, false, figures + "; the logs show " + onA.size() + " runs on A and " + onB.size()
                    + " on B after " + mark + ", not " + ran);
            return;
        }
        String overlap = null;
        for (java.time.Instant[] x : onA) {
            for (java.time.Instant[] y : onB) {
                if (overlap == null && x[0].isBefore(y[1]) && y[0].isBefore(x[1])) {
                    overlap = "A ran " + x[0] + "–" + x[1] + " while B ran " + y[0] + "–" + y[1];
                }
            }
        }
        check(name, overlap == null, figures + (refusals.isEmpty() ? "" : "; refused: " + refusals.get(0))
                + "; by the logs " + onA.size() + " runs on A and " + onB.size() + " on B, "
                + (overlap == null ? "none while another ran (the others waited)" : "at once: " + overlap));
    }

    /** The evaluations the log shows after {@code mark}: when each started and was done. */
    private static List<java.time.Instant[]> evaluationRuns(String log, java.time.Instant mark) throws IOException {
        List<java.time.Instant[]> runs = new ArrayList<>();
        if (log.isEmpty()) {
            return runs;
        }
        java.time.Instant started = null;
        for (String line : Files.readAllLines(Path.of(log), StandardCharsets.UTF_8)) {
            if (!line.contains("EvaluationRunner") || line.indexOf(' ') < 0) {
                continue;
            }
            java.time.Instant at;
            try {
                at = java.time.OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
            } catch (RuntimeException e) {
                continue;
            }
            if (at.isBefore(mark.minusMillis(5))) {
                continue;
            }
            if (line.matches(".*: evaluation of \\S+ as of \\S+ started.*")) {
                started = at;
            } else if (started != null && line.matches(".*: evaluation #\\d+ of \\S+ as of \\S+: .*")) {
                runs.add(new java.time.Instant[] {started, at});
                started = null;
            }
        }
        return runs;
    }

    // ---- 4-7. load over both, an activation followed, B killed, nothing acknowledged lost

    /** One operation's figures and problems, per instance. */
    static final class Stats {
        final Queue<Long> nanos = new ConcurrentLinkedQueue<>();
        final LongAdder ok = new LongAdder();
        final LongAdder conflicts = new LongAdder();
        final LongAdder afterKill = new LongAdder();
        final Queue<String> problems = new ConcurrentLinkedQueue<>();
    }

    private final Map<String, Stats> stats = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Queue<String> acknowledgedVisits = new ConcurrentLinkedQueue<>();
    /** item id, the submission's note. */
    private final Queue<String[]> acknowledgedSubmissions = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicLong killedAt = new AtomicLong();

    void load(int clients, int seconds, String acknowledgedFile) throws Exception {
        List<String> orgs = organizations();
        LocalDate first = LocalDate.parse(period.substring(0, 4) + "-01-01");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        LocalDate last = today.isBefore(first.plusYears(1)) ? today : first.plusYears(1).minusDays(1);
        int rectifiers = Math.max(2, clients * 3 / 10);
        System.out.printf("two-instances: %d clients for %d s over A and B (%d of them submitting rectifications as %s);"
                + " B is killed at %d s%n", clients, seconds, rectifiers, REP, seconds * 6 / 10);

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 3, TwoInstanceTest::daemon);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            boolean rectifier = c >= clients - rectifiers;
            workers.add(pool.submit(() -> {
                for (long seq = 0; !stop.get(); seq++) {
                    String base = client % 2 == 0 || killed.get() ? a : b;
                    if (rectifier) {
                        rectify(base, client, seq);
                    } else {
                        String id = "TI-" + run + "-" + client + "-" + seq;
                        if (send("POST /api/visits", base, post(base, "/api/visits", admin,
                                visit(id, orgs, first, last)), 201)) {
                            acknowledgedVisits.add(id);
                        }
                        send("GET /api/rankings", base, get(base, "/api/rankings?period=" + period + "&size=20", admin),
                                200);
                    }
                }
                return null;
            }));
        }
        // A answers all along: its readiness every 200 ms, before, during and after the kill
        Future<?> watch = pool.submit(() -> {
            while (!stop.get()) {
                send("GET /actuator/health/readiness (A)", a, get(a, "/actuator/health/readiness", admin), 200);
                Thread.sleep(200);
            }
            return null;
        });

        Thread.sleep(Math.min(12, seconds / 5) * 1000L);
        rollBackFollowed();

        long killAt = started + seconds * 600_000_000L;
        Thread.sleep(Math.max(0, (killAt - System.nanoTime()) / 1_000_000));
        kill();

        Thread.sleep(Math.max(0, (started + seconds * 1_000_000_000L - System.nanoTime()) / 1_000_000));
        stop.set(true);
        for (Future<?> w : workers) {
            w.get(120, TimeUnit.SECONDS);
        }
        watch.get(30, TimeUnit.SECONDS);
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        printFigures(loadSeconds);

        List<String> problemsOnA = new ArrayList<>();
        List<String> problemsOnB = new ArrayList<>();
        long afterKill = 0;
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            (e.getKey().endsWith(" on A") ? problemsOnA : problemsOnB)
                    .addAll(e.getValue().problems.stream().map(p -> e.getKey() + ": " + p).toList());
            afterKill += e.getValue().afterKill.sum();
        }
        check("A answers during and after B's kill", problemsOnA.isEmpty(), problemsOnA.isEmpty()
                ? "no 5xx, no transport error, no unexpected status on A (its readiness every 200 ms included)"
                : problemsOnA.size() + " problems, first: " + problemsOnA.stream().limit(5).toList());
        check("load on B until its kill", problemsOnB.isEmpty(), problemsOnB.isEmpty()
                ? "no 5xx or transport error on B before the kill; " + afterKill
                        + " requests cut by the kill (in flight or after it, sent again to A)"
                : problemsOnB.size() + " problems, first: " + problemsOnB.stream().limit(5).toList());
        nothingLost(acknowledgedFile);
    }

    private void rectify(String base, int client, long seq) {
        HttpResponse<String> open = call(get(base, "/api/rectifications?orgCode=" + REP_ORG + "&status=OPEN&size=50",
                rep));
        if (!expect("GET /api/rectifications (rep)", base, open, 200)) {
            return;
        }
        List<String> ids = ids(open.body());
        if (!ids.isEmpty()) {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            String note = "TI-" + run + "-" + client + "-" + seq;
            HttpResponse<String> submitted = call(post(base, "/api/rectifications/" + id + "/submit", rep,
                    "{\"evidence\":[\"整改照片-" + note + ".jpg\"],\"note\":\"" + note + "\"}"));
            // 409: another client submitted the same item first (or it changed meanwhile): a clear answer
            if (expect("POST /api/rectifications/{id}/submit (rep)", base, submitted, 200, 409)
                    && status(submitted) == 200) {
                acknowledgedSubmissions.add(new String[] {id, note});
            }
        }
        send("GET /api/organizations/{code}/result (rep)", base, get(base, "/api/organizations/" + REP_ORG
                + "/result?period=" + period, rep), 200);
        // the office sends a submitted item back, so that there is always something to submit
        HttpResponse<String> submitted = call(get(base, "/api/rectifications?orgCode=" + REP_ORG
                + "&status=SUBMITTED&size=50", admin));
        if (expect("GET /api/rectifications", base, submitted, 200)) {
            List<String> waiting = ids(submitted.body());
            if (waiting.size() > 3) {
                String id = waiting.get(ThreadLocalRandom.current().nextInt(waiting.size()));
                send("POST /api/rectifications/{id}/reject", base, post(base, "/api/rectifications/" + id + "/reject",
                        admin, "{\"reason\":\"证据不足，请补充 (two-instance test)\"}"), 200, 409);
            }
        }
    }

    /** Item ids of a rectification list: the {@code "id"} numbers of its items (steps have ids too: the items' come first). */
    private static List<String> ids(String list) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\"\\s*:\\s*(\\d+)\\s*,\\s*\"orgCode\"").matcher(list);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The version in force before the test's activation: {id, checksum}. */
    private String[] original;

    /**
     * On a quiet machine: a draft (the active set with a comment line more) stored and activated on A
     * at once; the time from A's answer until B has it in force.
     */
    void activationFollowed() {
        String name = "activation on A in force on B within 5 s";
        try {
            HttpResponse<String> active = call(get(a, "/api/rules/active", admin));
            String id = field(body(active), "id");
            original = new String[] {id, field(body(active), "checksum")};
            HttpResponse<String> version = call(get(a, "/api/rules/versions/" + id, admin));
            if (status(version) != 200) {
                throw new IllegalStateException("cannot read the active version " + id + ": " + status(version));
            }
            String v = body(version);
            int filesAt = v.indexOf("\"files\":{");
            int drl = v.indexOf(".drl\":\"", filesAt);
            if (filesAt < 0 || drl < 0 || !v.endsWith("}}")) {
                throw new IllegalStateException("the active version has no .drl file: " + abbreviate(v));
            }
            // a comment line more at the start of the first .drl file: the same rules, another checksum
            int content = drl + ".drl\":\"".length();
            String changed = v.substring(filesAt + "\"files\":".length(), content) + "// two-instance test " + run
                    + "\\n" + v.substring(content, v.length() - 1);
            // and a label of its own: two stored versions never share a label
            changed = java.util.regex.Pattern.compile("(\"ruleset\\.properties\":\"(?:[^\"\\\\]|\\\\.)*?version=)([^\\\\\"]*)")
                    .matcher(changed).replaceFirst("$1$2-two-instance-" + run);
            HttpResponse<String> draft = call(post(a, "/api/rules/drafts", admin, "{\"files\":" + changed
                    + ",\"comment\":\"双实例测试：只改了注释 (two-instance test " + run + ")\"}"));
            if (status(draft) != 201) {
                throw new IllegalStateException("the draft was refused: " + status(draft) + " " + abbreviate(body(draft)));
            }
            approve(field(body(draft), "id"));
            activateAndAwait(name, a, b, field(body(draft), "id"), field(body(draft), "checksum"));
        } catch (Exception e) {
            check(name, false, e.toString());
        }
    }

    /**
     * Four-eyes activation: the demo district's evaluator (not the draft's author, the administrator)
     * reads the draft's impact notice on A and approves it with the notice's digest; only then may A
     * activate it. Before the timed activation, so the notice's what-if is not counted.
     */
    private void approve(String id) throws Exception {
        String evaluator = basic("evaluator", DEMO_PASSWORD);
        HttpResponse<String> notice = call(get(a, "/api/rules/versions/" + id + "/notice?period=" + period, evaluator));
        if (status(notice) != 200) {
            throw new IllegalStateException("the impact notice of draft " + id + " answered " + status(notice) + " "
                    + abbreviate(body(notice)));
        }
        String digest = field(body(notice), "digest");
        HttpResponse<String> approved = call(post(a, "/api/rules/versions/" + id + "/approve", evaluator,
                "{\"period\":\"" + period + "\",\"digest\":\"" + digest + "\"}"));
        if (status(approved) != 200) {
            throw new IllegalStateException("the approval of draft " + id + " answered " + status(approved) + " "
                    + abbreviate(body(approved)));
        }
    }

    /** During the load: a roll back on B to the version in force before, in force on A within 5 s. */
    private void rollBackFollowed() {
        String name = "roll back on B in force on A within 5 s, under load";
        try {
            if (original == null) {
                throw new IllegalStateException("no version to roll back to (the activation failed)");
            }
            activateAndAwait(name, b, a, original[0], original[1]);
        } catch (Exception e) {
            check(name, false, e.toString());
        }
    }

    private void activateAndAwait(String name, String on, String other, String id, String checksum) throws Exception {
        String one = on.equals(a) ? "A" : "B";
        String two = on.equals(a) ? "B" : "A";
        long asked = System.nanoTime();
        HttpResponse<String> activated = call(post(on, "/api/rules/versions/" + id + "/activate", admin, ""));
        long at = System.nanoTime();
        if (status(activated) != 200) {
            throw new IllegalStateException("the activation on " + one + " answered " + status(activated) + " "
                    + abbreviate(body(activated)));
        }
        double delay = -1;
        while (System.nanoTime() - at < 30_000_000_000L) {
            HttpResponse<String> seen = call(get(other, "/api/rules/active", admin));
            if (checksum.equals(field(body(seen), "checksum"))) {
                delay = (System.nanoTime() - at) / 1e9;
                break;
            }
            Thread.sleep(50);
        }
        check(name, delay >= 0 && delay <= 5.0, delay < 0
                ? "version #" + id + " not in force on " + two + " after 30 s"
                : String.format(Locale.ROOT, "version #%s activated on %s (its answer took %.2f s); in force on %s"
                        + " %.2f s after %s answered", id, one, (at - asked) / 1e9, two, delay, one));
    }

    private void kill() throws Exception {
        // first: a request that B's death cuts from now on is counted as cut, not as a problem
        killed.set(true);
        killedAt.set(System.nanoTime());
        Process p = new ProcessBuilder("kill", "-9", Long.toString(killPid)).inheritIO().start();
        System.out.println("two-instances: B (pid " + killPid + ") killed with kill -9: exit "
                + p.waitFor() + "; its clients go on with A");
    }

    private void nothingLost(String acknowledgedFile) throws Exception {
        List<String> visits = new ArrayList<>(acknowledgedVisits);
        List<String> missing = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8, TwoInstanceTest::daemon);
        List<Future<String>> reads = new ArrayList<>();
        for (String id : visits) {
            reads.add(pool.submit(() -> status(call(get(a, "/api/visits/" + id, admin))) == 200 ? null : id));
        }
        for (String[] s : acknowledgedSubmissions) {
            reads.add(pool.submit(() -> {
                HttpResponse<String> item = call(get(a, "/api/rectifications/" + s[0], admin));
                return status(item) == 200 && body(item).contains("\"note\":\"" + s[1] + "\"") ? null
                        : "rectification " + s[0] + " submission " + s[1];
            }));
        }
        for (Future<String> f : reads) {
            String m = f.get(5, TimeUnit.MINUTES);
            if (m != null) {
                missing.add(m);
            }
        }
        pool.shutdown();
        if (!acknowledgedFile.isEmpty()) {
            Files.write(Path.of(acknowledgedFile), visits);
        }
        boolean ok = missing.isEmpty() && !visits.isEmpty() && !acknowledgedSubmissions.isEmpty();
        check("no acknowledged write lost", ok, visits.size() + " acknowledged visits and "
                + acknowledgedSubmissions.size() + " acknowledged rectification submissions (from A and B) read back"
                + " from A: " + (missing.isEmpty() ? "all there" : missing.size() + " missing, first "
                        + missing.stream().limit(5).toList()));
    }

    // ---- 8. the audit chain

    void auditChain() {
        HttpResponse<String> v = call(get(a, "/api/audit/verify", admin));
        boolean ok = status(v) == 200 && body(v).replace(" ", "").contains("\"valid\":true");
        check("audit chain verifies", ok, "GET /api/audit/verify on A: " + status(v) + " " + abbreviate(body(v)));
    }

    // ---- helpers

    private void printFigures(double seconds) {
        System.out.printf(Locale.ROOT, "%ntwo-instances: load over %.1f s%n%n", seconds);
        System.out.println("| operation | instance | requests | ok | 409 | cut by the kill | p50 ms | p95 ms | max ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        stats.forEach((key, s) -> {
            long[] sorted = s.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            String op = key.substring(0, key.lastIndexOf(" on "));
            String instance = key.substring(key.lastIndexOf(" on ") + 4);
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s | %s | %s |%n", op, instance,
                    sorted.length, s.ok.sum(), s.conflicts.sum(), s.afterKill.sum(), ms(sorted, 0.5),
                    ms(sorted, 0.95), ms(sorted, 1.0));
        });
        System.out.println();
    }

    private boolean send(String op, String base, HttpRequest request, int... expected) {
        HttpResponse<String> r = call(request);
        return expect(op, base, r, expected) && status(r) == expected[0];
    }

    /**
     * Records an answer; false (and a problem, unless B was killed: then the request is counted as cut)
     * unless its status is one of the expected ones.
     */
    private boolean expect(String op, String base, HttpResponse<String> r, int... expected) {
        boolean onB = base.equals(b);
        Stats s = stats.computeIfAbsent(op + " on " + (onB ? "B" : "A"), k -> new Stats());
        int status = status(r);
        Long took = lastLatency.get();
        if (took != null) {
            s.nanos.add(took);
        }
        for (int e : expected) {
            if (status == e) {
                (e == expected[0] ? s.ok : s.conflicts).increment();
                return true;
            }
        }
        if (onB && killed.get() && r == null) {
            s.afterKill.increment();
            return false;
        }
        s.problems.add((r == null ? "transport error" : String.valueOf(status)) + " on " + op
                + (r == null ? "" : ": " + abbreviate(r.body())));
        return false;
    }

    /** Codes of the organizations ranked in the period, read from A. */
    private List<String> organizations() {
        HttpResponse<String> r = call(get(a, "/api/rankings?period=" + period + "&size=1000", admin));
        if (status(r) != 200) {
            throw new IllegalStateException("cannot read the rankings of " + period + ": " + status(r));
        }
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(r.body());
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String visit(String id, List<String> orgs, LocalDate first, LocalDate last) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate date = first.plusDays(random.nextLong(last.toEpochDay() - first.toEpochDay() + 1));
        StringBuilder findings = new StringBuilder();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            findings.append(i == 0 ? "" : ", ").append("{\"item\": \"").append(ITEMS[random.nextInt(ITEMS.length)])
                    .append("\", \"note\": \"双实例测试 two-instance test\"}");
        }
        return "{\"visitId\": \"" + id + "\", \"orgCode\": \"" + orgs.get(random.nextInt(orgs.size()))
                + "\", \"date\": \"" + date + "\", \"mode\": \"" + (random.nextBoolean() ? "OPEN" : "COVERT")
                + "\", \"team\": \"双实例督查组\", \"inspectors\": [\"测试员" + random.nextInt(100)
                + "\"], \"findings\": [" + findings + "]}";
    }

    /** The first {@code "name": value} of a JSON text, as text (a string's content, or a number). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+))").matcher(json);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : "";
    }

    private static HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    }

    private static HttpRequest get(String base, String path, String authorization) {
        return request(base, path).header("Authorization", authorization).GET().build();
    }

    private static HttpRequest post(String base, String path, String authorization, String json) {
        return request(base, path).header("Authorization", authorization).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(300)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    private static HttpRequest put(String base, String path, String authorization, String json) {
        return request(base, path).header("Authorization", authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private HttpResponse<String> call(HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lastLatency.set(System.nanoTime() - t0);
        }
    }

    /** The latency of the thread's last call, for {@link #expect}. */
    private final ThreadLocal<Long> lastLatency = new ThreadLocal<>();

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }

    private static int status(HttpResponse<String> r) {
        return r == null ? -1 : r.statusCode();
    }

    private static String body(HttpResponse<String> r) {
        return r == null ? "(no answer)" : r.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "–";
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
