package org.grassroots.assessment.server.planning;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An inspection plan (督查计划): the visits proposed for an organization's subtree and a date range,
 * adjusted by a lead and confirmed. Changes lock the plan's row, so two leads' changes are made one
 * after the other; {@code version} counts the changes of the plan itself.
 */
@Entity
@Table(name = "inspection_plan")
public class InspectionPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "root_org_code", nullable = false, updatable = false)
    private String rootOrgCode;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false, updatable = false)
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PlannedVisit> visits = new ArrayList<>();

    protected InspectionPlan() {
        // for Hibernate
    }

    InspectionPlan(String name, String rootOrgCode, LocalDate startsOn, LocalDate endsOn, String createdBy,
            Instant createdAt) {
        this.name = name;
        this.rootOrgCode = rootOrgCode;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.status = PlanStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void add(PlanProposal.Item item) {
        visits.add(new PlannedVisit(this, item));
    }

    void confirm(String actor, Instant at) {
        status = PlanStatus.CONFIRMED;
        confirmedBy = actor;
        confirmedAt = at;
    }

    public Optional<PlannedVisit> visit(long visitId) {
        return visits.stream().filter(v -> v.getId() == visitId).findFirst();
    }

    public List<PlannedVisit> getVisits() {
        return Collections.unmodifiableList(visits);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getRootOrgCode() {
        return rootOrgCode;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public long getVersion() {
        return version;
    }
}
