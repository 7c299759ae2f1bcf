package org.grassroots.assessment.server.selfreport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One submission or review of one fact, never changed: who, when, the old and the new value. */
@Entity
@Table(name = "self_report_revision")
public class SelfReportRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id", nullable = false, updatable = false)
    private SelfReport report;

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RevisionAction action;

    @Column(name = "old_value", updatable = false)
    private String oldValue;

    @Column(name = "new_value", updatable = false)
    private String newValue;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String actor;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected SelfReportRevision() {
        // for Hibernate
    }

    SelfReportRevision(SelfReport report, String field, int revision, RevisionAction action, String oldValue,
            String newValue, String reason, String actor, Instant recordedAt) {
        this.report = report;
        this.field = field;
        this.revision = revision;
        this.action = action;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
        this.actor = actor;
        this.recordedAt = recordedAt;
    }

    public String getField() {
        return field;
    }

    public int getRevision() {
        return revision;
    }

    public RevisionAction getAction() {
        return action;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
