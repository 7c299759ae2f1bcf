package org.grassroots.assessment.server.ruleset;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A stored rule-set version (table {@code rule_set_version}) as a Hibernate entity: its label, checksum,
 * status (DRAFT, ACTIVE, RETIRED) and files as JSON. Lists and look-ups read it through the
 * {@link RuleSetVersionRepository}'s projections, which leave the files out; the files are read on
 * their own ({@link RuleSetVersionRepository#filesJson}). {@code rowVersion} is the optimistic lock: of two
 * activations at once, the one that commits second fails (HTTP 409) instead of leaving two versions ACTIVE.
 */
@Entity
@Table(name = "rule_set_version")
class RuleSetVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "version", nullable = false, updatable = false)
    private String label;

    @Column(name = "checksum", nullable = false, updatable = false)
    private String checksum;

    @Column(name = "status", nullable = false)
    private String status;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "files_json", nullable = false, updatable = false)
    private String filesJson;

    @Column(name = "comment", updatable = false)
    private String comment;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "activated_by")
    private String activatedBy;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private Long rowVersion;

    protected RuleSetVersion() {
    }

    RuleSetVersion(String label, String checksum, String status, String filesJson, String comment, String createdBy,
            Instant createdAt) {
        this.label = label;
        this.checksum = checksum;
        this.status = status;
        this.filesJson = filesJson;
        this.comment = comment;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        if (RuleSetVersions.ACTIVE.equals(status)) {
            activatedBy = createdBy;
            activatedAt = createdAt;
        }
    }

    /** Makes this version the one in force. */
    void activate(String who, Instant at) {
        status = RuleSetVersions.ACTIVE;
        activatedBy = who;
        activatedAt = at;
    }

    /** The version in force before another was activated: it can be activated again (roll back). */
    void retire() {
        status = RuleSetVersions.RETIRED;
    }

    Long getId() {
        return id;
    }

    String getStatus() {
        return status;
    }

    Long getRowVersion() {
        return rowVersion;
    }
}
