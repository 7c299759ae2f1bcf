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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.grassroots.assessment.evaluation.ResultJson;

/**
 * One fact of a {@link SelfReport}: the value the representative is editing ({@code draftValue}),
 * the value last submitted and the value last approved, as the bundle writes them ({@code 12},
 * {@code true}, {@code 0.92}, {@code NONE}). A change after approval is a new revision that needs
 * approval again; until then the approved value stands.
 */
@Entity
@Table(name = "self_report_fact")
public class SelfReportFact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id", nullable = false, updatable = false)
    private SelfReport report;

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(name = "draft_value")
    private String draftValue;

    @Column(name = "submitted_value")
    private String submittedValue;

    @Column(name = "approved_value")
    private String approvedValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FactState state;

    private String reason;

    @Column(nullable = false)
    private int revision;

    /** The JSON array of the names of the evidence files attached, or null. */
    private String evidence;

    protected SelfReportFact() {
        // for Hibernate
    }

    /** A fact the office already holds (approved, revision 0), or a new one when the value is null. */
    SelfReportFact(SelfReport report, String field, String approvedValue) {
        this.report = report;
        this.field = field;
        this.draftValue = approvedValue;
        this.submittedValue = approvedValue;
        this.approvedValue = approvedValue;
        this.state = approvedValue == null ? FactState.NEW : FactState.APPROVED;
    }

    void edit(String value) {
        draftValue = value;
    }

    /** Whether the representative's value differs from what was last submitted (or nothing was). */
    public boolean changed() {
        return state == FactState.NEW || !Objects.equals(draftValue, submittedValue);
    }

    /** Whether submitting would send this fact for review: changed, or returned and sent back as it is. */
    boolean toSubmit() {
        return changed() || state == FactState.RETURNED;
    }

    void submit() {
        submittedValue = draftValue;
        state = FactState.SUBMITTED;
        reason = null;
        revision++;
    }

    void approve() {
        approvedValue = submittedValue;
        state = FactState.APPROVED;
        reason = null;
    }

    void giveBack(String why) {
        state = FactState.RETURNED;
        reason = why;
    }

    /** The names of the evidence files attached to the fact, oldest first. */
    public List<String> evidence() {
        return evidence == null ? List.of() : List.of(ResultJson.mapper().readValue(evidence, String[].class));
    }

    void attach(List<String> names) {
        if (!names.isEmpty()) {
            List<String> all = new ArrayList<>(evidence());
            all.addAll(names);
            evidence = ResultJson.mapper().writeValueAsString(all);
        }
    }

    public String getField() {
        return field;
    }

    public String getDraftValue() {
        return draftValue;
    }

    public String getSubmittedValue() {
        return submittedValue;
    }

    public String getApprovedValue() {
        return approvedValue;
    }

    public FactState getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public int getRevision() {
        return revision;
    }
}
