package org.grassroots.assessment.server.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;

/**
 * A grassroots Party organization (table {@code organization}) as a Hibernate entity; the engine and
 * the API work with the record {@link Organization}, which {@link #toValue()} gives. Organizations
 * arrive in bulk from bundles, which {@link OrganizationRepository#upsert} writes in JDBC batches
 * (raising {@code version} on every update); {@code version} is the optimistic lock of any change
 * made through the entity.
 */
@Entity
@Table(name = "organization")
class PartyOrganization {

    @Id
    @Column(name = "code", nullable = false, updatable = false)
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "level", nullable = false)
    private String level;

    @Column(name = "parent_code")
    private String parentCode;

    @Column(name = "enterprise_category")
    private String enterpriseCategory;

    @Column(name = "has_party_groups", nullable = false)
    private boolean hasPartyGroups;

    @Column(name = "latitude")
    private Double latitude;

    @Column(name = "longitude")
    private Double longitude;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected PartyOrganization() {
    }

    Organization toValue() {
        return new Organization(code, name, OrgType.valueOf(type), OrgLevel.valueOf(level), parentCode,
                enterpriseCategory == null ? null : EnterpriseCategory.valueOf(enterpriseCategory), hasPartyGroups,
                latitude == null || longitude == null ? null : new GeoLocation(latitude, longitude));
    }

    /** Renames the organization (the one change made through the entity today, by tests of the lock). */
    void rename(String newName, Instant at) {
        name = newName;
        updatedAt = at;
    }

    Long getVersion() {
        return version;
    }
}
