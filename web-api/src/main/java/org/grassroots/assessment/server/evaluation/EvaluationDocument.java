package org.grassroots.assessment.server.evaluation;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.grassroots.assessment.evaluation.MemberResult;
import org.grassroots.assessment.server.rectification.ItemSnapshot;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a stored evaluation as docs/formats.md section 2 (plus its id and record), streaming the
 * stored results as they are: organizations in rank order, members by memberId, rectification
 * items in ledger order.
 */
@Component
class EvaluationDocument {

    private final EvaluationRepository evaluations;

    EvaluationDocument(EvaluationRepository evaluations) {
        this.evaluations = evaluations;
    }

    void write(EvaluationSummary s, OutputStream out) {
        try (JsonGenerator g = EvaluationJson.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("id", s.id());
            g.writeStringProperty("period", s.period());
            g.writeStringProperty("asOf", s.asOf().toString());
            g.writePOJOProperty("ruleSet", s.ruleSet());
            g.writeBooleanProperty("published", s.published());
            g.writePOJOProperty("publishedAt", s.publishedAt());
            g.writePOJOProperty("createdAt", s.createdAt());
            g.writeStringProperty("createdBy", s.createdBy());
            g.writeStringProperty("inputsDigest", s.inputsDigest());
            g.writeStringProperty("previousGrades", s.previousGrades());
            g.writeName("organizations");
            g.writeStartArray();
            List<MemberResult> members = new ArrayList<>();
            List<ItemSnapshot> items = new ArrayList<>();
            evaluations.forEachResult(s.id(), stored -> {
                g.writeRawValue(stored.resultJson());
                members.addAll(EvaluationJson.MAPPER.readValue(stored.membersJson(), EvaluationRepository.MEMBERS));
                items.addAll(EvaluationJson.MAPPER.readValue(stored.itemsJson(), EvaluationRepository.ITEMS));
            });
            g.writeEndArray();
            members.sort(Comparator.comparing(MemberResult::memberId));
            g.writePOJOProperty("members", members);
            items.sort(ItemSnapshot.LEDGER_ORDER);
            g.writePOJOProperty("rectifications", items);
            g.writeEndObject();
        }
    }

    /** One organization's stored result with its members' titles and rectification items. */
    JsonNode organization(EvaluationSummary s, EvaluationRepository.StoredOrganization stored) {
        ObjectNode node = (ObjectNode) EvaluationJson.MAPPER.readTree(stored.resultJson());
        node.put("evaluationId", s.id());
        node.put("period", s.period());
        node.put("asOf", s.asOf().toString());
        node.set("members", EvaluationJson.MAPPER.readTree(stored.membersJson()));
        node.set("rectifications", EvaluationJson.MAPPER.readTree(stored.itemsJson()));
        return node;
    }
}
