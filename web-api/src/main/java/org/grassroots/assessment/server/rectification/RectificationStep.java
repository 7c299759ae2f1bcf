package org.grassroots.assessment.server.rectification;

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
import java.time.LocalDate;
import org.grassroots.assessment.rectification.StepKind;

/**
 * One lifecycle step of a {@link RectificationItem}: what happened, the date it counts from, when it
 * was recorded and by whom. Steps are only ever appended, never changed.
 */
@Entity
@Table(name = "rectification_step")
public class RectificationStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private RectificationItem item;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private StepKind kind;

    @Column(name = "step_date", nullable = false, updatable = false)
    private LocalDate date;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String note;

    /** The JSON array of file names or URLs of a SUBMIT step, or null. */
    @Column(updatable = false)
    private String evidence;

    protected RectificationStep() {
        // for Hibernate
    }

    RectificationStep(RectificationItem item, StepKind kind, LocalDate date, Instant recordedAt, String actor,
            String note, String evidence) {
        this.item = item;
        this.kind = kind;
        this.date = date;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.note = note;
        this.evidence = evidence;
    }

    public Long getId() {
        return id;
    }

    public StepKind getKind() {
        return kind;
    }

    public LocalDate getDate() {
        return date;
    }

    LedgerStep toLedgerStep() {
        return new LedgerStep(id, item.getId(), kind, date, recordedAt, actor, note, evidence);
    }
}
