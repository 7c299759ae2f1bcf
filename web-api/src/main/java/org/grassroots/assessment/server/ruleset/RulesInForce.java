package org.grassroots.assessment.server.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.scenario.ScenarioProblem;
import org.grassroots.assessment.scenario.ScenarioReport;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.evaluation.RuleLimits;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule set in force: which set evaluations use, loaded at start, activated and rolled back.
 *
 * <p>On start the database's ACTIVE version is put into {@link ActiveRuleSet}; on the very first
 * start the shipped set is stored as the first version (with the shipped scenarios as
 * {@code scenarios/...}) and made active. Activations are one at a
 * time; the swap is atomic and evaluations already running keep the set they took. The tools that
 * prepare a version (validate, test, drafts, diff, what-if) are {@link RuleSetAuthoring}.
 */
@Service
public class RulesInForce implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RulesInForce.class);

    private final ActiveRuleSet active;
    private final RuleSetVersions versions;
    private final StoredRuleSets stored;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Actor actor;
    private final AuditTrail audit;
    private final RuleLimits limits;
    private final RuleSetApprovalRepository approvals;
    private final Object activation = new Object();

    RulesInForce(ActiveRuleSet active, RuleSetVersions versions, StoredRuleSets stored,
            TransactionTemplate transactions, Clock clock, Actor actor, AuditTrail audit, RuleLimits limits,
            RuleSetApprovalRepository approvals) {
        this.limits = limits;
        this.approvals = approvals;
        this.active = active;
        this.versions = versions;
        this.stored = stored;
        this.transactions = transactions;
        this.clock = clock;
        this.actor = actor;
        this.audit = audit;
    }

    /** A stored version without its files. */
    public record VersionView(long id, String version, String checksum, String status, boolean active, String comment,
            String createdBy, Instant createdAt, String activatedBy, Instant activatedAt) {

        static VersionView of(RuleSetVersions.Row r) {
            return new VersionView(r.id(), r.version(), r.checksum(), r.status(),
                    RuleSetVersions.ACTIVE.equals(r.status()), r.comment(), r.createdBy(), r.createdAt(),
                    r.activatedBy(), r.activatedAt());
        }
    }

    public record VersionDetail(VersionView version, SortedMap<String, String> files) {
    }

    /** The set evaluations use now; {@code id} is null when the server fell back to the shipped set. */
    public record ActiveView(Long id, String version, String checksum, boolean fallback, VersionView stored) {
    }

    // ---- start

    @Override
    public void afterPropertiesSet() {
        RuleSet shipped = active.get();
        if (versions.isEmpty()) {
            long id = stored.store(shipped.version(), shipped.checksum(), RuleSetVersions.ACTIVE, RuleSetFiles.withShippedScenarios(shipped),
                    "随应用发布的默认规则集 (the shipped default set)", Actor.SYSTEM);
            release(id, "随应用发布的规则集，视为已批准 (the shipped set: the project's release)");
            log.info("rule set {} ({}) stored as version #{} and active", shipped.version(), shipped.checksum(), id);
            return;
        }
        if (!versions.hasChecksum(shipped.checksum())) {
            // a new release ships a set the database does not hold: offer it as a draft, do not impose it
            long id = stored.store(shipped.version(), shipped.checksum(), RuleSetVersions.DRAFT, RuleSetFiles.withShippedScenarios(shipped),
                    "随新版本应用发布的默认规则集 (the set shipped with this release)", Actor.SYSTEM);
            release(id, "随新版本应用发布的规则集，视为已批准 (the shipped set: the project's release)");
            log.warn("the shipped rule set {} ({}) is new: stored as draft #{}; activate it to use it", shipped.version(),
                    shipped.checksum(), id);
        }
        Optional<RuleSetVersions.Row> row = versions.active();
        if (row.isEmpty()) {
            log.error("no ACTIVE rule set version in the database; evaluations use the shipped set {} ({})",
                    shipped.version(), shipped.checksum());
            return;
        }
        RuleSetVersions.Row r = row.get();
        if (r.checksum().equals(shipped.checksum())) {
            log.info("active rule set: version #{} {} ({}), the shipped set", r.id(), r.version(), r.checksum());
            return;
        }
        try {
            RuleSet rules = CachedClassLookups.compile(() -> RuleSet.compile(RuleSetFiles.rulesOf(versions.files(r.id()))));
            active.activate(rules);
            log.info("active rule set: version #{} {} ({})", r.id(), rules.version(), rules.checksum());
        } catch (RuleSetCompilationException e) {
            log.error("the active rule set version #{} {} is refused (the rule-language fence, or it does not compile);"
                    + " evaluations use the shipped set {} ({}) until a version is activated: {}", r.id(), r.version(),
                    shipped.version(), shipped.checksum(), e.messages());
            List<String> refusals = e.messages().stream().map(Object::toString).toList();
            audit.record(AuditAction.RULESET_FALLBACK, "ruleset:" + r.id(), "启动时拒绝启用的规则集版本 #" + r.id() + " "
                    + r.version() + "，改用随应用发布的规则集 " + shipped.version() + "（" + refusals.size() + " 个问题，首个："
                    + (refusals.isEmpty() ? "" : refusals.get(0)) + "）", refusals);
        } catch (RuntimeException e) {
            log.error("the active rule set version #{} {} cannot be loaded; evaluations use the shipped set {} ({})",
                    r.id(), r.version(), shipped.version(), shipped.checksum(), e);
        }
    }

    /**
     * For the watched rules directory: stores the files as a new version and activates it, unless
     * they are the active set already (then empty). Throws when they do not compile; nothing changes.
     */
    Optional<VersionView> storeAndActivate(Map<String, String> files, String comment)
            throws RuleSetCompilationException {
        RuleSetFiles.checkFiles(files);
        RuleSet rules = CachedClassLookups.compile(() -> RuleSet.compile(RuleSetFiles.rulesOf(files)));
        synchronized (activation) {
            if (rules.checksum().equals(active.get().checksum())) {
                return Optional.empty();
            }
            stored.remember(rules);
            long id = stored.store(rules.version(), rules.checksum(), RuleSetVersions.DRAFT, files, comment, actor.current());
            // the operator's files on the server are a release, like the shipped set
            release(id, "运行方放入受监视规则目录的规则集，视为已批准 (the operator's watched rules directory)");
            return Optional.of(activate(id));
        }
    }

    public ActiveView active() {
        RuleSet now = active.get();
        Optional<RuleSetVersions.Row> row = versions.active().filter(r -> r.checksum().equals(now.checksum()));
        return new ActiveView(row.map(RuleSetVersions.Row::id).orElse(null), now.version(), now.checksum(),
                row.isEmpty(), row.map(VersionView::of).orElse(null));
    }

    /**
     * Activates a version (a draft, or an earlier one: roll back): compiles it, checks it, records
     * who and when in the database, then swaps it in. A set that does not compile or fails one of
     * its own scenarios is refused (400) and the active set stays. A draft (never in force) needs an
     * approval by a second person made over the set in force now ({@link RuleSetApprovals}), else
     * 409; rolling back to a version that was in force before needs none.
     */
    public VersionView activate(long id) {
        synchronized (activation) {
            RuleSetVersions.Row r = stored.row(id);
            RuleSet current = active.get();
            if (RuleSetVersions.ACTIVE.equals(r.status()) && r.checksum().equals(current.checksum())) {
                return VersionView.of(r);
            }
            RuleSet rules = r.checksum().equals(current.checksum()) ? current : stored.compiled(r);
            checkScenarios(rules, RuleSetFiles.scenariosOf(versions.files(id)));
            if (RuleSetVersions.DRAFT.equals(r.status()) && !approvedOn(id, current.checksum())) {
                throw new ConflictException(unapproved(r, current));
            }
            String who = actor.current();
            Instant now = clock.instant();
            boolean rollBack = RuleSetVersions.RETIRED.equals(r.status());
            transactions.executeWithoutResult(tx -> {
                versions.markActive(id, who, now);
                audit.record(rollBack ? AuditAction.RULESET_ROLLED_BACK : AuditAction.RULESET_ACTIVATED, "ruleset:" + id,
                        (rollBack ? "回退到规则集版本 #" : "启用规则集版本 #") + id + " " + rules.version() + "（替换 "
                                + current.version() + "）", Map.of("versionId", id, "version", rules.version(),
                                "checksum", rules.checksum(), "replaced", current.checksum()));
            });
            RuleSet replaced = active.activate(rules);
            stored.remember(replaced);
            log.info("rule set version #{} {} ({}) activated by {}; it replaces {} ({})", id, rules.version(),
                    rules.checksum(), who, replaced.version(), replaced.checksum());
            return VersionView.of(stored.row(id));
        }
    }

    /** Whether a version may be activated over the set in force whose checksum is {@code base}. */
    boolean approvedOn(long id, String base) {
        return approvals.of(id).stream().anyMatch(a -> a.baseChecksum() == null || a.baseChecksum().equals(base));
    }

    private String unapproved(RuleSetVersions.Row r, RuleSet current) {
        boolean stale = !approvals.of(r.id()).isEmpty();
        return "规则集版本 #" + r.id() + " " + r.version() + (stale
                ? " 的批准针对的是此前启用的规则集，现行规则集已变为 " + current.version() + "：须重新查看影响通知并批准后才能启用（四眼原则）"
                : " 尚未批准：须由起草人以外的一位测评员或管理员查看影响通知并批准后才能启用（四眼原则）");
    }

    /** Records the application's own approval of a released set (the shipped set, the watched directory). */
    private void release(long id, String comment) {
        approvals.insert(id, Actor.SYSTEM, clock.instant(), null, null, null, null, comment, null);
    }

    /**
     * Runs the version's own scenarios (example data with expected results kept beside the rules,
     * stored as {@code scenarios/...}) with the compiled set; throws an {@link InvalidRequestException}
     * listing every failing scenario and expectation (file:line) when one fails. A version without
     * scenarios is accepted.
     */
    void checkScenarios(RuleSet rules, Map<String, String> scenarios) {
        if (!RuleSetFiles.hasScenario(scenarios)) {
            return;
        }
        ScenarioReport report = ScenarioRuns.run(rules, scenarios, limits.firingsPerOrganization(), limits.scenarios());
        if (report.passed()) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        for (ScenarioProblem p : report.problems()) {
            problems.add(new Problem("/files/" + RuleSetFiles.pointer(RuleSetFiles.SCENARIOS + p.file()), RuleSetFiles.named(p).toString()));
        }
        for (ScenarioReport.ScenarioResult res : report.results()) {
            if (res.passed()) {
                continue;
            }
            String file = RuleSetFiles.SCENARIOS + res.scenario();
            String pointer = "/files/" + RuleSetFiles.pointer(file);
            if (res.error() != null) {
                problems.add(new Problem(pointer, file + ": " + res.error()));
            }
            for (ScenarioReport.Failure f : res.failures()) {
                problems.add(new Problem(pointer, file + ":" + f.line() + ": " + f.expectation() + " — expected "
                        + f.expected() + ", actual " + f.actual()));
            }
        }
        throw new InvalidRequestException("规则集未通过自带的测试场景：" + report.failedCount() + " 个场景失败"
                + (report.problems().isEmpty() ? "" : "，" + report.problems().size() + " 个场景文件有问题")
                + " (the set fails its scenarios)", problems);
    }
}
