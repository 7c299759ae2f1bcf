package org.grassroots.assessment.server.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One entry of the audit trail as stored. {@code entryHash} is {@link #computeHash()}: SHA-256 over
 * every other field but {@code id}, each written as its UTF-8 bytes behind a 4-byte length, so that
 * no two different entries encode alike; {@code previousHash} links it to the entry before.
 */
public record AuditEntry(long id, long seq, Instant at, String actor, String remoteAddress, String action,
        String target, String summary, String contentDigest, String previousHash, String entryHash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** What the entry's hash should be, from its fields. */
    public String computeHash() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String field : new String[] {Long.toString(seq), at.toString(), actor, remoteAddress, action, target,
                    summary, contentDigest, previousHash}) {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ContentDigest.of(bytes.toByteArray()).hex();
    }
}
