package org.grassroots.assessment.server.ruleset;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Spring Data repository of {@link RuleSetVersion}s. The reads return {@link RuleSetVersions.Row}
 * projections (everything but the files, which can be large); the rule-set code uses it through
 * {@link RuleSetVersions}.
 */
interface RuleSetVersionRepository extends JpaRepository<RuleSetVersion, Long> {

    String ROW = "select new org.grassroots.assessment.server.ruleset.RuleSetVersions$Row(v.id, v.label, v.checksum,"
            + " v.status, v.comment, v.createdBy, v.createdAt, v.activatedBy, v.activatedAt) from RuleSetVersion v";

    @Query(ROW + " order by v.id desc")
    List<RuleSetVersions.Row> newestFirst();

    @Query(ROW + " where v.id = ?1")
    Optional<RuleSetVersions.Row> row(long id);

    @Query(ROW + " where v.status = ?1 order by v.id desc")
    List<RuleSetVersions.Row> withStatusNewestFirst(String status);

    @Query(ROW + " where v.id > ?1 order by v.id")
    List<RuleSetVersions.Row> storedAfter(long id);

    @Query("select v.filesJson from RuleSetVersion v where v.id = ?1")
    Optional<String> filesJson(long id);

    boolean existsByChecksum(String checksum);

    List<RuleSetVersion> findByStatus(String status);
}
