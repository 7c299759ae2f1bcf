package org.grassroots.assessment.server.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.model.Bundle;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record of a bundle section sent on its own (the body of a PUT), validated exactly like a
 * bundle record: it is wrapped as a one-record bundle for the {@link BundleReader}, and the problem
 * paths are made relative to the record again ({@code /organizations/0/name} → {@code /name}).
 */
final class SingleRecord {

    static final int MAX_BYTES = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SingleRecord() {
    }

    /** The body as a JSON value; malformed JSON is a problem at the document. */
    static JsonNode parse(InputStream body) throws BundleValidationException {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw invalid("", "is too large: a single record has at most " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw invalid("", "is empty: expected a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int newline = reason.indexOf('\n');
            throw invalid("", "malformed JSON" + where + ": " + (newline < 0 ? reason : reason.substring(0, newline)));
        }
    }

    /**
     * Fills a field from the address when the body leaves it out, or reports a body that names
     * another value.
     */
    static void matchAddress(JsonNode record, String field, String value, List<Problem> problems) {
        if (!(record instanceof ObjectNode object)) {
            return;
        }
        JsonNode given = object.get(field);
        if (given == null) {
            object.put(field, value);
        } else if (!given.isString() || !given.asString().equals(value)) {
            problems.add(new Problem("/" + field, "must be " + value + " as in the address, or left out"));
        }
    }

    /**
     * Reads the record as the only element of the bundle section, adding the problems found before.
     *
     * @param section the bundle's key, e.g. {@code organizations}
     */
    static Bundle read(BundleReader reader, String section, JsonNode record, List<Problem> earlier)
            throws BundleValidationException {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.putArray(section).add(record);
        List<Problem> problems = new ArrayList<>(earlier);
        Bundle read = null;
        try {
            read = reader.read(new ByteArrayInputStream(JSON.writeValueAsBytes(bundle)));
        } catch (BundleValidationException e) {
            String prefix = "/" + section + "/0";
            for (Problem p : e.problems()) {
                String path = p.path().startsWith(prefix) ? p.path().substring(prefix.length()) : p.path();
                if (problems.stream().noneMatch(q -> q.path().equals(path))) {
                    problems.add(new Problem(path, p.message()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BundleValidationException(problems);
        }
        return read;
    }

    static BundleValidationException invalid(String path, String message) {
        return new BundleValidationException(List.of(new Problem(path, message)));
    }
}
