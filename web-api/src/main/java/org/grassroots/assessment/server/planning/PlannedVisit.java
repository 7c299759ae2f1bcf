package org.grassroots.assessment.server.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One organization to visit in a plan: the rule that makes it due, the team and the day. */
@Entity
@Table(name = "planned_visit")
public class PlannedVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false, updatable = false)
    private InspectionPlan plan;

    @Column(name = "org_code", nullable = false, updatable = false)
    private String orgCode;

    @Column(name = "rule_id", nullable = false, updatable = false)
    private String ruleId;

    @Column(name = "due_on", nullable = false, updatable = false)
    private LocalDate dueOn;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private boolean covert;

    private String team;

    @Column(name = "planned_on", nullable = false)
    private LocalDate plannedOn;

    protected PlannedVisit() {
        // for Hibernate
    }

    PlannedVisit(InspectionPlan plan, PlanProposal.Item item) {
        this.plan = plan;
        this.orgCode = item.due().orgCode();
        this.ruleId = item.due().rule();
        this.dueOn = item.due().dueOn();
        this.reason = item.due().reason();
        this.covert = item.due().covert();
        this.team = item.team();
        this.plannedOn = item.plannedOn();
    }

    void assign(String team, LocalDate plannedOn) {
        this.team = team;
        this.plannedOn = plannedOn;
    }

    public Long getId() {
        return id;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getRuleId() {
        return ruleId;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getReason() {
        return reason;
    }

    public boolean isCovert() {
        return covert;
    }

    public String getTeam() {
        return team;
    }

    public LocalDate getPlannedOn() {
        return plannedOn;
    }
}
