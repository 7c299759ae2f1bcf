package org.grassroots.assessment.server.ruleset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * that row changed since the last look and its checksum is not the set in force, the version's files
 * are loaded and compiled through {@link RuleSet#compile} (the rule-language fence runs there, as for
 * every other way a set enters) and swapped in atomically. With the compile (a second or two), an
 * activation elsewhere is in force here within about 5 s. Evaluations already running keep the set
 * they took.
 *
 * <p>A version that is refused here (the fence, or it does not compile) is not taken: the set in
 * force stays, the refusal is logged and recorded once in the audit trail ({@code RULESET_FALLBACK}),
 * as a stored version refused at start is. The poll is in the database and nothing else, so it needs
 * no message channel between instances; the table is small and the query reads one indexed row.
 */
@Component
class RuleSetFollower implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleSetFollower.class);

    private final ActiveRuleSet active;
    private final RuleSetVersions versions;
    private final AuditTrail audit;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    /** The ACTIVE row as last seen (null before the first look, or while there is none). */
    private Seen seen;

    /** What identifies an activation: the row, its rules, and when it was (re-)activated. */
    private record Seen(long id, String checksum, Instant activatedAt) {

        static Seen of(RuleSetVersions.Row r) {
            return new Seen(r.id(), r.checksum(), r.activatedAt());
        }
    }

    RuleSetFollower(ActiveRuleSet active, RuleSetVersions versions, AuditTrail audit,
            @Value("${assessment.rules.poll-interval:PT1S}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("assessment.rules.poll-interval must be positive: " + interval);
        }
        this.active = active;
        this.versions = versions;
        this.audit = audit;
        this.interval = interval;
    }

    /**
     * Starts following. What the database holds now was put in force (or refused and reported) by
     * {@link RuleSetService} at start: only later changes are followed.
     */
    @Override
    public void run(ApplicationArguments args) {
        seen = versions.active().map(Seen::of).orElse(null);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rule-set-follower");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
        log.info("following the active rule set version in the database every {}", interval);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // a database that is briefly away: the next look tries again (an exception would stop the schedule)
            log.warn("cannot read the active rule set version; the set in force stays: {}", e.toString());
        }
    }

    /** One look at the version table; swaps in the ACTIVE version when it changed. */
    synchronized void poll() {
        // taken before the query: a local activation committed after it is never replaced by an older row
        RuleSet inForce = active.get();
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
        // read first: a database error here propagates and the next look tries again
        Map<String, String> files = RuleSetService.rulesOf(versions.files(r.id()));
        seen = now;
        RuleSet rules;
        try {
            rules = CachedClassLookups.compile(() -> RuleSet.compile(files));
        } catch (RuleSetCompilationException e) {
            refused(r, inForce, e);
            return;
        } catch (RuntimeException e) {
            log.error("the rule set version #{} {} activated by {} cannot be loaded here; the set in force {} ({})"
                    + " stays", r.id(), r.version(), r.activatedBy(), inForce.version(), inForce.checksum(), e);
            return;
        }
        if (active.replace(inForce, rules)) {
            log.info("rule set version #{} {} ({}), activated by {} at {}, is in force here; it replaces {} ({})",
                    r.id(), rules.version(), rules.checksum(), r.activatedBy(), r.activatedAt(), inForce.version(),
                    inForce.checksum());
        } else {
            // activated on this instance meanwhile; the next look compares again
            seen = null;
        }
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
    }
}
