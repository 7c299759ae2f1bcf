package org.grassroots.assessment.server.selfreport;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One organization's self-report of one period (自评), the aggregate its representative and its
 * reviewer change: its facts and every revision of them. {@code version} is the optimistic lock: of
 * a submission and a review of the same report at once, the first to commit wins and the other is
 * refused (409), so no one approves values they did not see.
 */
@Entity
@Table(name = "self_report")
public class SelfReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "org_code", nullable = false, updatable = false)
    private String orgCode;

    @Column(nullable = false, updatable = false)
    private String period;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<SelfReportFact> facts = new ArrayList<>();

    @OneToMany(mappedBy = "report", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<SelfReportRevision> revisions = new ArrayList<>();

    protected SelfReport() {
        // for Hibernate
    }

    SelfReport(String orgCode, String period, Instant createdAt) {
        this.orgCode = orgCode;
        this.period = period;
        this.createdAt = createdAt;
    }

    SelfReportFact addFact(String field, String approvedValue) {
        SelfReportFact fact = new SelfReportFact(this, field, approvedValue);
        facts.add(fact);
        return fact;
    }

    void record(SelfReportFact fact, RevisionAction action, String oldValue, String newValue, String reason,
            String actor, Instant at) {
        revisions.add(new SelfReportRevision(this, fact.getField(), fact.getRevision(), action, oldValue, newValue,
                reason, actor, at));
    }

    public Optional<SelfReportFact> fact(String field) {
        return facts.stream().filter(f -> f.getField().equals(field)).findFirst();
    }

    public ReportStatus status() {
        return ReportStatus.of(facts.stream().map(SelfReportFact::getState).toList());
    }

    public Long getId() {
        return id;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getPeriod() {
        return period;
    }

    public long getVersion() {
        return version;
    }

    public List<SelfReportFact> getFacts() {
        return Collections.unmodifiableList(facts);
    }

    /** Every revision, oldest first. */
    public List<SelfReportRevision> getRevisions() {
        return Collections.unmodifiableList(revisions);
    }
}
