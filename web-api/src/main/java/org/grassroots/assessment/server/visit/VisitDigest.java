package org.grassroots.assessment.server.visit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.Visit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The identity of a visit's content: SHA-256 of its canonical JSON (fields in the order of the
 * format, absent optional fields left out), so the same visit sent again with other whitespace,
 * field order or number spelling has the same digest, and any change of content another.
 */
public final class VisitDigest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VisitDigest() {
    }

    /** {@code sha256:} and 64 hex digits. */
    public static String of(Visit visit) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical(visit).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The 64 hex digits of a digest {@link #of} returned. */
    public static String hex(String digest) {
        return digest.substring("sha256:".length());
    }

    static String canonical(Visit visit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("visitId", visit.visitId());
        root.put("orgCode", visit.orgCode());
        root.put("date", visit.date().toString());
        root.put("mode", visit.mode().name());
        root.put("team", visit.team());
        ArrayNode inspectors = root.putArray("inspectors");
        visit.inspectors().forEach(inspectors::add);
        if (visit.location() != null) {
            ObjectNode location = root.putObject("location");
            location.put("lat", visit.location().lat());
            location.put("lon", visit.location().lon());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : visit.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("item", f.item());
            if (f.severity() != null) {
                finding.put("severity", f.severity().name());
            }
            if (f.deduction() != null) {
                finding.put("deduction", f.deduction().intValue());
            }
            if (f.note() != null) {
                finding.put("note", f.note());
            }
            if (!f.evidence().isEmpty()) {
                ArrayNode evidence = finding.putArray("evidence");
                f.evidence().forEach(evidence::add);
            }
            ImportedRectification r = f.rectification();
            if (r != null) {
                ObjectNode rectification = finding.putObject("rectification");
                rectification.put("status", r.status().name());
                if (r.submittedOn() != null) {
                    rectification.put("submittedOn", r.submittedOn().toString());
                }
                if (r.verifiedOn() != null) {
                    rectification.put("verifiedOn", r.verifiedOn().toString());
                }
            }
        }
        return JSON.writeValueAsString(root);
    }
}
