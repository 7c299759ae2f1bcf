package org.grassroots.assessment.server.ruleset;

import java.time.Clock;
import java.util.Map;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored rule-set versions as the set in force and the authoring tools both use them: storing
 * a version with its audit record, finding one (404 when unknown) and compiling one, with the few
 * recently compiled sets kept so that a roll back or a repeated what-if does not recompile.
 */
@Component
class StoredRuleSets {

    private final RuleSetVersions versions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditTrail audit;
    /** Recently compiled sets by checksum, so that a roll back or a repeated what-if does not recompile. */
    private final Map<String, RuleSet> compiled = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
                    return size() > 4;
                }
            });

    StoredRuleSets(RuleSetVersions versions, TransactionTemplate transactions, Clock clock, AuditTrail audit) {
        this.versions = versions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /** Inserts a version and records it in the audit trail (a draft, or the shipped set made active), in one transaction. */
    long store(String version, String checksum, String status, Map<String, String> files, String comment,
            String who) {
        Long id = transactions.execute(tx -> {
            long stored = versions.insert(version, checksum, status, files, comment, who, clock.instant());
            boolean isActive = RuleSetVersions.ACTIVE.equals(status);
            audit.record(isActive ? AuditAction.RULESET_ACTIVATED : AuditAction.RULESET_DRAFTED, "ruleset:" + stored,
                    (isActive ? "保存并启用规则集版本 #" : "保存规则集草稿 #") + stored + " " + version
                            + (comment == null || comment.isBlank() ? "" : "：" + comment), files);
            return stored;
        });
        return id;
    }

    RuleSetVersions.Row row(long id) {
        return versions.find(id).orElseThrow(() -> new NotFoundException("规则集版本不存在：" + id));
    }

    /** The version compiled (or taken from the cache when its files compiled to the same checksum). */
    RuleSet compiled(RuleSetVersions.Row r) {
        RuleSet cached = compiled.get(r.checksum());
        if (cached != null) {
            return cached;
        }
        RuleSet rules = RuleSetFiles.compileOrRefuse(RuleSetFiles.rulesOf(versions.files(r.id())));
        if (rules.checksum().equals(r.checksum())) {
            compiled.put(rules.checksum(), rules);
        }
        return rules;
    }

    /** Keeps a compiled set (a draft about to be tried or activated, or the set an activation replaced). */
    void remember(RuleSet rules) {
        compiled.put(rules.checksum(), rules);
    }
}
