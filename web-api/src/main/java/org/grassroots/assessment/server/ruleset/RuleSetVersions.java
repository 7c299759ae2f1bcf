package org.grassroots.assessment.server.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Every rule-set version the server has known, with its files (table {@code rule_set_version}, entity
 * {@link RuleSetVersion}): the rule-set code's one way to them. Reads return {@link Row}s without the
 * files; {@link #markActive} changes the entities, so two activations at once end with one
 * optimistic-lock failure (HTTP 409) rather than two active versions.
 */
@Component
class RuleSetVersions {

    static final String DRAFT = "DRAFT";
    static final String ACTIVE = "ACTIVE";
    static final String RETIRED = "RETIRED";

    private static final int MAX_FILES_JSON = 1_000_000;
    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {
    };

    private final RuleSetVersionRepository versions;

    RuleSetVersions(RuleSetVersionRepository versions) {
        this.versions = versions;
    }

    /** A stored version without its files. */
    record Row(long id, String version, String checksum, String status, String comment, String createdBy,
            Instant createdAt, String activatedBy, Instant activatedAt) {
    }

    @Transactional
    long insert(String version, String checksum, String status, Map<String, String> files, String comment,
            String createdBy, Instant createdAt) {
        String json = ResultJson.mapper().writeValueAsString(new TreeMap<>(files));
        if (json.length() > MAX_FILES_JSON) {
            throw new InvalidRequestException("/files", "the rule files are too large to store (" + json.length()
                    + " characters as JSON, at most " + MAX_FILES_JSON + ")");
        }
        return versions.saveAndFlush(new RuleSetVersion(version, checksum, status, json, comment, createdBy, createdAt))
                .getId();
    }

    @Transactional(readOnly = true)
    boolean hasChecksum(String checksum) {
        return versions.existsByChecksum(checksum);
    }

    @Transactional(readOnly = true)
    boolean isEmpty() {
        return versions.count() == 0;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    List<Row> list() {
        return versions.newestFirst();
    }

    @Transactional(readOnly = true)
    Optional<Row> find(long id) {
        return versions.row(id);
    }

    @Transactional(readOnly = true)
    Optional<Row> active() {
        return versions.withStatusNewestFirst(ACTIVE).stream().findFirst();
    }

    /** The versions stored after {@code id}, oldest first (the rule set follower's look for new drafts). */
    @Transactional(readOnly = true)
    List<Row> newerThan(long id) {
        return versions.storedAfter(id);
    }

    @Transactional(readOnly = true)
    SortedMap<String, String> files(long id) {
        String json = versions.filesJson(id).orElseThrow(() -> new IllegalStateException("no rule set version " + id));
        return ResultJson.mapper().readValue(json, FILES);
    }

    /**
     * Makes a version the active one: the previous active one becomes RETIRED. Joins the caller's
     * transaction; a concurrent activation that committed first makes this one fail with an
     * optimistic-lock exception.
     */
    @Transactional
    void markActive(long id, String who, Instant at) {
        for (RuleSetVersion active : versions.findByStatus(ACTIVE)) {
            if (!active.getId().equals(id)) {
                active.retire();
            }
        }
        versions.findById(id).orElseThrow(() -> new IllegalStateException("no rule set version " + id))
                .activate(who, at);
        versions.flush();
    }
}
