package org.grassroots.assessment.server.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored organizations (table {@code organization}): reads through Hibernate
 * ({@link PartyOrganization}), the bulk write of a bundle's organizations in JDBC batches.
 */
@Repository
public class OrganizationRepository {

    private static final String COLUMNS = "code, name, type, level, parent_code, enterprise_category, has_party_groups, latitude, longitude";
    private static final BatchUpsertRepository UPSERT = new BatchUpsertRepository("organization", List.of("code"),
            List.of("name", "type", "level", "parent_code", "enterprise_category", "has_party_groups", "latitude", "longitude",
                    "updated_at"))
            .versionedBy("version");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PartyOrganizationRepository entities;

    OrganizationRepository(JdbcClient jdbc, JdbcTemplate batch, PartyOrganizationRepository entities) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.entities = entities;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> find(String code) {
        return entities.findById(code).map(PartyOrganization::toValue);
    }

    /** Every organization, by code. */
    @Transactional(readOnly = true)
    public List<Organization> findAll() {
        return entities.findAllByOrderByCodeAsc().stream().map(PartyOrganization::toValue).toList();
    }

    /** Organizations whose name or code contains the text (case ignored), by code. */
    @Transactional(readOnly = true)
    public List<Organization> search(String text, int limit) {
        return entities.findByNameContainingIgnoreCaseOrCodeContainingIgnoreCaseOrderByCodeAsc(text, text,
                Limit.of(limit)).stream().map(PartyOrganization::toValue).toList();
    }

    /** The organizations directly under {@code parentCode} (under none when null), by code. */
    @Transactional(readOnly = true)
    public List<Organization> children(String parentCode) {
        return (parentCode == null ? entities.findByParentCodeIsNullOrderByCodeAsc()
                : entities.findByParentCodeOrderByCodeAsc(parentCode)).stream().map(PartyOrganization::toValue).toList();
    }

    /** How many organizations are directly under each of the codes (those with none are absent). */
    @Transactional(readOnly = true)
    public Map<String, Long> childCounts(Collection<String> parentCodes) {
        Map<String, Long> counts = new HashMap<>();
        if (!parentCodes.isEmpty()) {
            entities.countChildren(parentCodes).forEach(row -> counts.put((String) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** Code → name of those of the codes that exist. */
    @Transactional(readOnly = true)
    public Map<String, String> names(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (!codes.isEmpty()) {
            entities.findAllById(codes).forEach(o -> names.put(o.toValue().code(), o.toValue().name()));
        }
        return names;
    }

    @Transactional(readOnly = true)
    public long count() {
        return entities.count();
    }

    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return entities.existsById(code);
    }

    /**
     * Stores the organizations, replacing those with the same code.
     *
     * @return how many were new
     */
    public int upsert(List<Organization> organizations, OffsetDateTime now) {
        if (organizations.isEmpty()) {
            return 0;
        }
        Map<String, Organization> stored = new HashMap<>();
        if (StoredRowLookup.lookUp(organizations.size(), rows -> UPSERT.moreStoredThan(jdbc, rows))) {
            StoredRowLookup.inChunks(organizations.stream().map(Organization::code).toList(), codes -> jdbc
                    .sql("select " + COLUMNS + " from organization where code in (:codes)").param("codes", codes)
                    .query(OrganizationRepository::row).list().forEach(o -> stored.put(o.code(), o)));
        } else {
            jdbc.sql("select " + COLUMNS + " from organization").query(OrganizationRepository::row).list()
                    .forEach(o -> stored.put(o.code(), o));
        }
        return UPSERT.write(batch, organizations, o -> stored.get(o.code()), o -> new Object[] {
                o.code(), o.name(), o.type().name(), o.level().name(), o.parentCode(),
                o.enterpriseCategory() == null ? null : o.enterpriseCategory().name(), o.hasPartyGroups(),
                o.location() == null ? null : o.location().lat(), o.location() == null ? null : o.location().lon(), now})
                .inserted();
    }


    private static Organization row(ResultSet rs, int rowNum) throws SQLException {
        String category = rs.getString("enterprise_category");
        return new Organization(rs.getString("code"), rs.getString("name"), OrgType.valueOf(rs.getString("type")),
                OrgLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
                category == null ? null : EnterpriseCategory.valueOf(category), rs.getBoolean("has_party_groups"),
                location(rs));
    }

    /** The organization's location from its latitude and longitude columns, null when not known. */
    private static GeoLocation location(ResultSet rs) throws SQLException {
        Double lat = rs.getObject("latitude", Double.class);
        Double lon = rs.getObject("longitude", Double.class);
        return lat == null || lon == null ? null : new GeoLocation(lat, lon);
    }
}
