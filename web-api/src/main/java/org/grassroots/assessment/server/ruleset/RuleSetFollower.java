package org.grassroots.assessment.server.ruleset;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's {@link ActiveRuleSet} on the version the database holds as ACTIVE, so that an
 * activation or a roll back made on another instance of the server (several instances on one
 * database) is in force here too. Every {@code assessment.rules.poll-interval} (default 1 s) it reads
 * the ACTIVE row of the version table (its id, checksum and activation time, not its files); when
 * that row changed since the last look and its checksum is not the set in force, the version's rules
 * are compiled through {@link RuleSet#compile} (the rule-language fence runs there, as for every
 * other way a set enters) and swapped in atomically. Evaluations already running keep the set they
 * took.
 *
 * <p>A compile costs a second or two of CPU, much more on a busy machine, so the follower compiles
 * ahead: a draft stored on any instance is compiled here in the background as soon as it is seen
 * (drafts are usually tried, then activated), and the sets it replaces are kept, so an activation of
 * a draft stored a moment before, or a roll back (to a set this instance had in force), is a swap here
 * within the poll interval. A few
 * compiled sets are kept at most ({@value #KEPT}).
 *
 * <p>A version that is refused here (the fence, or it does not compile) is not taken: the set in
 * force stays, the refusal is logged and recorded once in the audit trail ({@code RULESET_FALLBACK}),
 * as a stored version refused at start is. The poll is in the database and nothing else, so it needs
 * no message channel between instances; its queries read one row by an index and the rows newer than
 * the newest seen.
 */
@Component
class RuleSetFollower implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleSetFollower.class);
    static final int KEPT = 3;

    private final ActiveRuleSet active;
    private final RuleSetVersions versions;
    private final AuditTrail audit;
    private final Duration interval;
    /** This instance's cache of compiled sets, shared so that an activation or a roll back made here does not recompile. */
    private final StoredRuleSets stored;
    /** Compiled (or being compiled) sets by checksum: drafts compiled ahead and the sets replaced here. */
    private final Map<String, CompletableFuture<RuleSet>> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<RuleSet>> eldest) {
            return size() > KEPT;
        }
    };
    private ScheduledExecutorService scheduler;
    private ExecutorService ahead;
    /** The ACTIVE row as last seen (null before the first look, or while there is none). */
    private Seen seen;
    /** The highest version id seen: newer rows are new drafts (or activations). */
    private long newest;
    /** The set in force at the last look: when an activation here replaced it, it is kept for a roll back. */
    private RuleSet lastInForce;

    /** What identifies an activation: the row, its rules, and when it was (re-)activated. */
    private record Seen(long id, String checksum, Instant activatedAt) {

        static Seen of(RuleSetVersions.Row r) {
            return new Seen(r.id(), r.checksum(), r.activatedAt());
        }
    }

    RuleSetFollower(ActiveRuleSet active, RuleSetVersions versions, StoredRuleSets stored, AuditTrail audit,
            @Value("${assessment.rules.poll-interval:PT1S}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("assessment.rules.poll-interval must be positive: " + interval);
        }
        this.active = active;
        this.versions = versions;
        this.stored = stored;
        this.audit = audit;
        this.interval = interval;
    }

    /**
     * Starts following. What the database holds now was put in force (or refused and reported) by
     * {@link RulesInForce} at start: only later changes are followed.
     */
    @Override
    public synchronized void run(ApplicationArguments args) {
        seen = versions.active().map(Seen::of).orElse(null);
        lastInForce = active.get();
        newest = versions.newerThan(0).stream().mapToLong(RuleSetVersions.Row::id).max().orElse(0);
        ahead = Executors.newSingleThreadExecutor(r -> daemon(r, "rule-set-compile-ahead"));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rule-set-follower"));
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
        log.info("following the active rule set version in the database every {}", interval);
        if (lastInForce != null && lastInForce.prebuilt()) {
            ahead.execute(() -> warmCompiler(lastInForce));
        }
    }

    /**
     * The shipped set in force came from its executable model, so nothing has compiled DRL in this JVM
     * yet, and the first compile in a JVM is several times slower than the next (the compiler's classes
     * loaded, its code not yet compiled by the JIT): a version activated on another instance right after
     * would be in force here seconds late (measured: 5.6 s on a quiet machine instead of about 1 s). So
     * the set in force is compiled once more, the classic way, in the background, and thrown away.
     */
    private static void warmCompiler(RuleSet inForce) {
        try {
            CachedClassLookups.compile(() -> RuleSet.compile(inForce.files()));
        } catch (RuleSetCompilationException | RuntimeException e) {
            log.warn("the rule compiler could not be warmed up with the set in force: {}", e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // a database that is briefly away: the next look tries again (an exception would stop the schedule)
            log.warn("cannot read the rule set versions; the set in force stays: {}", e.toString());
        }
    }

    /** One look at the version table: drafts stored since the last look are compiled ahead; a changed ACTIVE row is swapped in. */
    synchronized void poll() {
        // taken before the query: a local activation committed after it is never replaced by an older row
        RuleSet inForce = active.get();
        if (inForce != lastInForce) {
            // activated on this instance: the set it replaced is kept, for a roll back made elsewhere
            compiled.put(lastInForce.checksum(), CompletableFuture.completedFuture(lastInForce));
            lastInForce = inForce;
        }
        compileNewDrafts(inForce);
        Optional<RuleSetVersions.Row> row = versions.active();
        if (row.isEmpty()) {
            seen = null;
            return;
        }
        RuleSetVersions.Row r = row.get();
        Seen now = Seen.of(r);
        if (Objects.equals(now, seen)) {
            return;
        }
        if (r.checksum().equals(inForce.checksum())) {
            seen = now;
            return;
        }
        CompletableFuture<RuleSet> compiling = compiled.get(r.checksum());
        // read first: a database error here propagates and the next look tries again
        Map<String, String> files = compiling == null ? RuleSetFiles.rulesOf(versions.files(r.id())) : null;
        seen = now;
        RuleSet rules;
        try {
            rules = compiling != null ? compiling.get() : CachedClassLookups.compile(() -> RuleSet.compile(files));
        } catch (RuleSetCompilationException e) {
            refused(r, inForce, e);
            return;
        } catch (ExecutionException e) {
            compiled.remove(r.checksum());
            if (e.getCause() instanceof RuleSetCompilationException refusal) {
                refused(r, inForce, refusal);
            } else {
                cannotLoad(r, inForce, e.getCause());
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            seen = null;
            return;
        } catch (RuntimeException e) {
            cannotLoad(r, inForce, e);
            return;
        }
        if (active.replace(inForce, rules)) {
            lastInForce = rules;
            compiled.remove(rules.checksum());
            compiled.put(inForce.checksum(), CompletableFuture.completedFuture(inForce));
            stored.remember(inForce);
            log.info("rule set version #{} {} ({}), activated by {} at {}, is in force here{}; it replaces {} ({})",
                    r.id(), rules.version(), rules.checksum(), r.activatedBy(), r.activatedAt(),
                    compiling != null ? " (compiled ahead)" : "", inForce.version(), inForce.checksum());
        } else {
            // activated on this instance meanwhile; the next look compares again
            seen = null;
        }
    }

    /** Starts compiling, in the background, the drafts stored since the last look (at most the newest {@value #KEPT}). */
    private void compileNewDrafts(RuleSet inForce) {
        List<RuleSetVersions.Row> stored = versions.newerThan(newest);
        for (int i = Math.max(0, stored.size() - KEPT); i < stored.size(); i++) {
            RuleSetVersions.Row r = stored.get(i);
            if (RuleSetVersions.DRAFT.equals(r.status()) && !r.checksum().equals(inForce.checksum())
                    && !compiled.containsKey(r.checksum())) {
                compiled.put(r.checksum(), CompletableFuture.supplyAsync(() -> {
                    try {
                        RuleSet rules = CachedClassLookups.compile(
                                () -> RuleSet.compile(RuleSetFiles.rulesOf(versions.files(r.id()))));
                        this.stored.remember(rules);
                        return rules;
                    } catch (RuleSetCompilationException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, ahead));
                log.debug("rule set draft #{} {} ({}) is compiled ahead", r.id(), r.version(), r.checksum());
            }
        }
        stored.stream().mapToLong(RuleSetVersions.Row::id).max().ifPresent(id -> newest = Math.max(newest, id));
    }

    private void cannotLoad(RuleSetVersions.Row r, RuleSet inForce, Throwable e) {
        log.error("the rule set version #{} {} activated by {} cannot be loaded here; the set in force {} ({}) stays",
                r.id(), r.version(), r.activatedBy(), inForce.version(), inForce.checksum(), e);
    }

    private void refused(RuleSetVersions.Row r, RuleSet inForce, RuleSetCompilationException e) {
        log.error("the rule set version #{} {} activated by {} is refused here (the rule-language fence, or it does"
                + " not compile); the set in force {} ({}) stays: {}", r.id(), r.version(), r.activatedBy(),
                inForce.version(), inForce.checksum(), e.messages());
        List<String> refusals = e.messages().stream().map(Object::toString).toList();
        audit.record(AuditAction.RULESET_FALLBACK, "ruleset:" + r.id(), "拒绝启用其他实例启用的规则集版本 #" + r.id() + " "
                + r.version() + "，继续使用规则集 " + inForce.version() + "（" + refusals.size() + " 个问题，首个："
                + (refusals.isEmpty() ? "" : refusals.get(0)) + "）", refusals);
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (ahead != null) {
            ahead.shutdownNow();
        }
    }
}
