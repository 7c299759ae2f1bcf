package org.grassroots.assessment.server.organization;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Spring Data repository of {@link PartyOrganization}s: the reads of single organizations and lists.
 * The bulk write of a bundle's organizations stays on JDBC batches ({@link OrganizationRepository#upsert}).
 */
interface PartyOrganizationRepository extends JpaRepository<PartyOrganization, String> {

    List<PartyOrganization> findAllByOrderByCodeAsc();

    /** The organizations directly under {@code parentCode}, by code. */
    List<PartyOrganization> findByParentCodeOrderByCodeAsc(String parentCode);

    /** The organizations under none (the district's top level), by code. */
    List<PartyOrganization> findByParentCodeIsNullOrderByCodeAsc();

    /** For each of the codes that has any: how many organizations are directly under it. */
    @Query("select o.parentCode, count(o) from PartyOrganization o where o.parentCode in ?1 group by o.parentCode")
    List<Object[]> countChildren(Collection<String> parentCodes);
}
