package org.grassroots.assessment.server.importing.xlsx;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.server.visit.InspectionItemRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lifecycle steps that imports wrote for findings' ledger items (a visit's imported
 * rectification state is kept as such steps, not in the visit): the export needs them to write the
 * visit back as it was imported.
 */
@Repository
class ImportedStepRepository {

    /** An imported step of the item of finding {@code position} of a visit. */
    record Step(String visitId, int position, String kind, LocalDate date) {
    }

    private static final int IN_LIST = 500;

    private final JdbcClient jdbc;

    ImportedStepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The imported steps of the visits' findings, by visit id, in the order recorded. */
    Map<String, List<Step>> of(List<String> visitIds) {
        Map<String, List<Step>> steps = new HashMap<>();
        for (int from = 0; from < visitIds.size(); from += IN_LIST) {
            jdbc.sql("select i.visit_id, i.position, s.kind, s.step_date from rectification_step s"
                            + " join rectification_item i on i.id = s.item_id"
                            + " where s.actor = :actor and i.source = 'INSPECTION' and i.visit_id in (:ids)"
                            + " order by s.id")
                    .param("actor", InspectionItemRepository.IMPORT_ACTOR)
                    .param("ids", visitIds.subList(from, Math.min(visitIds.size(), from + IN_LIST)))
                    .query((rs, n) -> new Step(rs.getString("visit_id"), rs.getInt("position"), rs.getString("kind"),
                            rs.getObject("step_date", LocalDate.class)))
                    .list()
                    .forEach(s -> steps.computeIfAbsent(s.visitId(), k -> new java.util.ArrayList<>()).add(s));
        }
        return steps;
    }
}
