package org.grassroots.assessment.server.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.GeoLocation;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.storage.BatchUpsertRepository;
import org.grassroots.assessment.server.storage.Stamped;
import org.grassroots.assessment.server.storage.StoredRowLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    /** Every organization's code with its name and code upper-cased, kept while {@link #namesStamp()} holds. */
    private final Stamped<String, Names> names = new Stamped<>(this::namesStamp, stamp -> readNames());

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

    /**
     * Organizations whose name or code contains the text (case ignored, taken literally), by code:
     * matched among the names and codes kept in memory while the organizations stand (see
     * {@link #namesStamp()}), not by reading every organization per search (a district of 100,000);
     * only the organizations found are read.
     */
    @Transactional(readOnly = true)
    public List<Organization> search(String text, int limit) {
        Names names = this.names.get();
        String upper = text.toUpperCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < names.codes().length && found.size() < limit; i++) {
            if (names.upperNames()[i].contains(upper) || names.upperCodes()[i].contains(upper)) {
                found.add(names.codes()[i]);
            }
        }
        return entities.findAllById(found).stream().map(PartyOrganization::toValue)
                .sorted(Comparator.comparing(Organization::code)).toList();
    }

    /**
     * The organizations as they stand, in two numbers that change with every write to them: how many
     * there are (none is ever deleted) and the sum of their versions (every change, through the
     * entity or the bundle's batch upsert, raises an organization's version; versions start at 0, so
     * the sum reads only the few entries above it of the index organization_version).
     */
    public String namesStamp() {
        return jdbc.sql("select (select count(*) from organization),"
                        + " (select coalesce(sum(version), 0) from organization where version >= 1)")
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2)).single();
    }

    /** Every organization's code (in code order) with its name and code upper-cased. */
    private record Names(String[] codes, String[] upperNames, String[] upperCodes) {
    }

    private Names readNames() {
        List<String[]> rows = jdbc.sql("select code, name from organization")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        rows.sort(Comparator.comparing(r -> r[0]));
        String[] codes = new String[rows.size()];
        String[] upperNames = new String[rows.size()];
        String[] upperCodes = new String[rows.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = rows.get(i)[0];
            upperNames[i] = rows.get(i)[1] == null ? "" : rows.get(i)[1].toUpperCase(Locale.ROOT);
            upperCodes[i] = codes[i].toUpperCase(Locale.ROOT);
        }
        return new Names(codes, upperNames, upperCodes);
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
