package org.grassroots.assessment.server.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.ruleset.RuleMessage;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.evaluation.WhatIfEvaluation;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule maintainers' workflow: validate a set of files, store a draft, see what it would change
 * (what-if), activate a version (a draft, or an earlier one to roll back) and compare versions.
 *
 * <p>On start the database's ACTIVE version is put into {@link ActiveRuleSet}; on the very first
 * start the shipped set is stored as the first version and made active. Activations are one at a
 * time; the swap is atomic and evaluations already running keep the set they took.
 */
@Service
public class RuleSetService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RuleSetService.class);

    private final ActiveRuleSet active;
    private final RuleSetVersions versions;
    private final WhatIfEvaluation whatIf;
    private final EvaluationRunner runner;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Actor actor;
    private final Object activation = new Object();
    /** Recently compiled sets by checksum, so that a roll back or a repeated what-if does not recompile. */
    private final Map<String, RuleSet> compiled = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
                    return size() > 4;
                }
            });

    RuleSetService(ActiveRuleSet active, RuleSetVersions versions, WhatIfEvaluation whatIf, EvaluationRunner runner,
            TransactionTemplate transactions, Clock clock, Actor actor) {
        this.active = active;
        this.versions = versions;
        this.whatIf = whatIf;
        this.runner = runner;
        this.transactions = transactions;
        this.clock = clock;
        this.actor = actor;
    }

    /** A compile error or warning with where it is. */
    public record RuleError(String file, int line, int column, String message) {

        static RuleError of(RuleMessage m) {
            return new RuleError(m.file(), m.line(), m.column(), m.text());
        }

        String describe() {
            String where = file == null ? "" : file + (line > 0 ? " line " + line + (column > 0 ? ", column " + column : "")
                    : "") + ": ";
            return where + message;
        }
    }

    public record Validation(boolean valid, List<RuleError> errors, List<RuleError> warnings, String version,
            String checksum, List<String> rules) {
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

    public record FileDiff(String file, String change, String diff) {
    }

    public record VersionDiff(VersionView from, VersionView to, List<FileDiff> files, int unchanged) {
    }

    // ---- start

    @Override
    public void afterPropertiesSet() {
        RuleSet shipped = active.get();
        if (versions.isEmpty()) {
            long id = versions.insert(shipped.version(), shipped.checksum(), RuleSetVersions.ACTIVE, shipped.files(),
                    "随应用发布的默认规则集 (the shipped default set)", Actor.SYSTEM, clock.instant());
            log.info("rule set {} ({}) stored as version #{} and active", shipped.version(), shipped.checksum(), id);
            return;
        }
        if (!versions.hasChecksum(shipped.checksum())) {
            // a new release ships a set the database does not hold: offer it as a draft, do not impose it
            long id = versions.insert(shipped.version(), shipped.checksum(), RuleSetVersions.DRAFT, shipped.files(),
                    "随新版本应用发布的默认规则集 (the set shipped with this release)", Actor.SYSTEM, clock.instant());
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
            RuleSet rules = RuleSet.compile(versions.files(r.id()));
            active.activate(rules);
            log.info("active rule set: version #{} {} ({})", r.id(), rules.version(), rules.checksum());
        } catch (RuleSetCompilationException e) {
            log.error("the active rule set version #{} {} does not compile; evaluations use the shipped set {} ({})"
                    + " until a version is activated: {}", r.id(), r.version(), shipped.version(), shipped.checksum(),
                    e.messages());
        } catch (RuntimeException e) {
            log.error("the active rule set version #{} {} cannot be loaded; evaluations use the shipped set {} ({})",
                    r.id(), r.version(), shipped.version(), shipped.checksum(), e);
        }
    }

    // ---- validate, drafts

    public Validation validate(Map<String, String> files) {
        checkFiles(files);
        try {
            RuleSet rules = RuleSet.compile(files);
            return new Validation(true, List.of(), rules.warnings().stream().map(RuleError::of).toList(),
                    rules.version(), rules.checksum(), rules.ruleNames());
        } catch (RuleSetCompilationException e) {
            return new Validation(false, errors(e.messages(), RuleMessage.Level.ERROR),
                    errors(e.messages(), RuleMessage.Level.WARNING), null, null, List.of());
        }
    }

    /** Stores a draft; 400 with every compile error when the set does not compile. */
    public VersionView draft(Map<String, String> files, String comment) {
        checkFiles(files);
        if (comment != null && comment.length() > 2000) {
            throw new InvalidRequestException("/comment", "comment must be at most 2000 characters");
        }
        RuleSet rules = compileOrRefuse(files);
        if (rules.version().length() > 100) {
            throw new InvalidRequestException("/files/" + RuleSet.PROPERTIES, "version must be at most 100 characters");
        }
        long id = versions.insert(rules.version(), rules.checksum(), RuleSetVersions.DRAFT, files, comment,
                actor.current(), clock.instant());
        return VersionView.of(row(id));
    }

    /**
     * For the watched rules directory: stores the files as a new version and activates it, unless
     * they are the active set already (then empty). Throws when they do not compile; nothing changes.
     */
    Optional<VersionView> storeAndActivate(Map<String, String> files, String comment)
            throws RuleSetCompilationException {
        checkFiles(files);
        RuleSet rules = RuleSet.compile(files);
        synchronized (activation) {
            if (rules.checksum().equals(active.get().checksum())) {
                return Optional.empty();
            }
            compiled.put(rules.checksum(), rules);
            long id = versions.insert(rules.version(), rules.checksum(), RuleSetVersions.DRAFT, files, comment,
                    actor.current(), clock.instant());
            return Optional.of(activate(id));
        }
    }

    // ---- read

    public List<VersionView> list() {
        return versions.list().stream().map(VersionView::of).toList();
    }

    public VersionDetail detail(long id) {
        return new VersionDetail(VersionView.of(row(id)), versions.files(id));
    }

    public ActiveView active() {
        RuleSet now = active.get();
        Optional<RuleSetVersions.Row> row = versions.active().filter(r -> r.checksum().equals(now.checksum()));
        return new ActiveView(row.map(RuleSetVersions.Row::id).orElse(null), now.version(), now.checksum(),
                row.isEmpty(), row.map(VersionView::of).orElse(null));
    }

    public VersionDiff diff(long from, long to) {
        RuleSetVersions.Row a = row(from);
        RuleSetVersions.Row b = row(to);
        SortedMap<String, String> fa = versions.files(from);
        SortedMap<String, String> fb = versions.files(to);
        TreeSet<String> names = new TreeSet<>(fa.keySet());
        names.addAll(fb.keySet());
        List<FileDiff> files = new ArrayList<>();
        int unchanged = 0;
        for (String name : names) {
            String before = fa.get(name);
            String after = fb.get(name);
            if (before == null) {
                files.add(new FileDiff(name, "ADDED", LineDiff.unified("/dev/null", "b/" + name, "", after)));
            } else if (after == null) {
                files.add(new FileDiff(name, "REMOVED", LineDiff.unified("a/" + name, "/dev/null", before, "")));
            } else if (!before.equals(after)) {
                files.add(new FileDiff(name, "CHANGED", LineDiff.unified("a/" + name, "b/" + name, before, after)));
            } else {
                unchanged++;
            }
        }
        return new VersionDiff(VersionView.of(a), VersionView.of(b), files, unchanged);
    }

    // ---- what-if

    /** Evaluates the period's stored data with the version and with the active set; stores nothing. */
    public WhatIfReport whatIf(long id, String period, LocalDate asOf) {
        if (period == null || period.isBlank()) {
            throw new InvalidRequestException("/period", "period is required (YYYY or YYYY-Qn)");
        }
        EvaluationRunner.EvaluationTarget target = runner.target(period, asOf);
        RuleSet before = active.get();
        RuleSetVersions.Row r = row(id);
        RuleSet after = r.checksum().equals(before.checksum()) ? before : compiled(r);
        EvaluationResult resultBefore = whatIf.evaluate(before, target);
        EvaluationResult resultAfter = whatIf.evaluate(after, target);
        return WhatIfReport.compare(resultBefore, resultAfter);
    }

    // ---- activate

    /**
     * Activates a version (a draft, or an earlier one: roll back): compiles it, checks it, records
     * who and when in the database, then swaps it in. A set that does not compile is refused (400)
     * and the active set stays.
     */
    public VersionView activate(long id) {
        synchronized (activation) {
            RuleSetVersions.Row r = row(id);
            RuleSet current = active.get();
            if (RuleSetVersions.ACTIVE.equals(r.status()) && r.checksum().equals(current.checksum())) {
                return VersionView.of(r);
            }
            RuleSet rules = r.checksum().equals(current.checksum()) ? current : compiled(r);
            checkScenarios(rules);
            String who = actor.current();
            Instant now = clock.instant();
            transactions.executeWithoutResult(tx -> versions.markActive(id, who, now));
            RuleSet replaced = active.activate(rules);
            compiled.put(replaced.checksum(), replaced);
            log.info("rule set version #{} {} ({}) activated by {}; it replaces {} ({})", id, rules.version(),
                    rules.checksum(), who, replaced.version(), replaced.checksum());
            return VersionView.of(row(id));
        }
    }

    /**
     * The seam for refusing a set that fails its scenarios (example data with expected results kept
     * beside the rules). Not enforced yet: the scenario files and their runner are being added to
     * the engine; when they exist, run them here and throw an {@link InvalidRequestException} listing
     * every failing scenario.
     */
    void checkScenarios(RuleSet rules) {
        // not yet enforced
    }

    // ---- helpers

    private RuleSetVersions.Row row(long id) {
        return versions.find(id).orElseThrow(() -> new NotFoundException("规则集版本不存在：" + id));
    }

    /** The version compiled (or taken from the cache when its files compiled to the same checksum). */
    private RuleSet compiled(RuleSetVersions.Row r) {
        RuleSet cached = compiled.get(r.checksum());
        if (cached != null) {
            return cached;
        }
        RuleSet rules = compileOrRefuse(versions.files(r.id()));
        if (rules.checksum().equals(r.checksum())) {
            compiled.put(rules.checksum(), rules);
        }
        return rules;
    }

    private static RuleSet compileOrRefuse(Map<String, String> files) {
        try {
            return RuleSet.compile(files);
        } catch (RuleSetCompilationException e) {
            List<RuleError> errors = errors(e.messages(), RuleMessage.Level.ERROR);
            List<Problem> problems = errors.stream()
                    .map(err -> new Problem(err.file() == null ? "/files" : "/files/" + pointer(err.file()),
                            err.describe()))
                    .toList();
            throw new InvalidRequestException("规则集编译未通过：共 " + errors.size() + " 个错误", problems);
        }
    }

    private static List<RuleError> errors(List<RuleMessage> messages, RuleMessage.Level level) {
        return messages.stream().filter(m -> m.level() == level).map(RuleError::of).toList();
    }

    private static String pointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Names without folders, {@code .drl} files or {@code ruleset.properties}; at least one file. */
    static void checkFiles(Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            throw new InvalidRequestException("/files", "files is required: an object of file name → content");
        }
        List<Problem> problems = new ArrayList<>();
        files.forEach((name, content) -> {
            String path = "/files/" + pointer(name == null ? "" : name);
            if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")
                    || !(name.endsWith(".drl") || name.equals(RuleSet.PROPERTIES))) {
                problems.add(new Problem(path, "a file name must be a .drl file or " + RuleSet.PROPERTIES
                        + ", without folders: " + name));
            } else if (content == null) {
                problems.add(new Problem(path, "the content of " + name + " is missing"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("规则文件不正确：共 " + problems.size() + " 个问题", problems);
        }
    }
}
