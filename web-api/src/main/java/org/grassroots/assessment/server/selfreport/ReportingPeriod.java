package org.grassroots.assessment.server.selfreport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** The office's deadline for the self-reports of one period. */
@Entity
@Table(name = "self_report_period")
public class ReportingPeriod {

    @Id
    private String period;

    @Column(nullable = false)
    private LocalDate deadline;

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

    void setDeadline(LocalDate deadline, String by, Instant at) {
        this.deadline = deadline;
        this.setBy = by;
        this.setAt = at;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getSetBy() {
        return setBy;
    }
}
