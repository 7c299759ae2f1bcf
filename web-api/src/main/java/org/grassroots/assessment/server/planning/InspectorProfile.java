package org.grassroots.assessment.server.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An inspector's place in the inspection teams: his team (督查组), his home organization (回避: his
 * team is not sent into its township) and whether he leads the planning (督查组长: the lead flag
 * rather than a role of its own, so a lead keeps every right of an inspector and the access rules
 * of the other roles stay as they are).
 */
@Entity
@Table(name = "inspector_profile")
public class InspectorProfile {

    @Id
    private String username;

    @Column(nullable = false)
    private String team;

    @Column(name = "home_org_code")
    private String homeOrgCode;

    @Column(name = "is_lead", nullable = false)
    private boolean lead;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected InspectorProfile() {
        // for Hibernate
    }

    InspectorProfile(String username) {
        this.username = username;
    }

    void set(String team, String homeOrgCode, boolean lead, String actor, Instant at) {
        this.team = team;
        this.homeOrgCode = homeOrgCode;
        this.lead = lead;
        this.updatedBy = actor;
        this.updatedAt = at;
    }

    public String getUsername() {
        return username;
    }

    public String getTeam() {
        return team;
    }

    public String getHomeOrgCode() {
        return homeOrgCode;
    }

    public boolean isLead() {
        return lead;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
