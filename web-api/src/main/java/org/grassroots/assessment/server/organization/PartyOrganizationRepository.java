package org.grassroots.assessment.server.organization;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Spring Data repository of {@link PartyOrganization}s: the reads of single organizations and lists.
 * The bulk write of a bundle's organizations stays on JDBC batches ({@link OrganizationRepository#upsert}).
 */
interface PartyOrganizationRepository extends JpaRepository<PartyOrganization, String> {

    List<PartyOrganization> findAllByOrderByCodeAsc();

    /** Name or code contains the text, case ignored (Spring Data escapes the text's % and _). */
    List<PartyOrganization> findByNameContainingIgnoreCaseOrCodeContainingIgnoreCaseOrderByCodeAsc(String name,
            String code, Limit limit);
}
