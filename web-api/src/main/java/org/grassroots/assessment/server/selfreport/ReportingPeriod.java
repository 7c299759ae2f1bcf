package org.grassroots.assessment.server.selfreport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** The office's deadline for the self-reports of one period. */
@Entity
@Table(name = "self_report_period")
public class ReportingPeriod {

    @Id
    private String period;

    @Column(nullable = false)
    private LocalDate deadline;

    @Column(name = "evidence_fields")
    private String evidenceFields;

    @Column(name = "set_by")
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Version
    private long version;

    protected ReportingPeriod() {
        // for Hibernate
    }

    ReportingPeriod(String period) {
        this.period = period;
    }

    void set(LocalDate deadline, Set<String> evidenceFields, String by, Instant at) {
        this.deadline = deadline;
        this.evidenceFields = evidenceFields.isEmpty() ? null : String.join(",", new TreeSet<>(evidenceFields));
        this.setBy = by;
        this.setAt = at;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    /** The facts the office wants evidence files for. */
    public Set<String> evidenceFields() {
        return evidenceFields == null ? Set.of() : Set.of(evidenceFields.split(","));
    }

    public String getSetBy() {
        return setBy;
    }
}
