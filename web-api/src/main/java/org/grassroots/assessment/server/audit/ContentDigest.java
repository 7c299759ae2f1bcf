package org.grassroots.assessment.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 (64 lowercase hex digits) of what a write stored: of raw bytes, of a string's UTF-8,
 * or of an object's canonical JSON (properties and map keys sorted, no whitespace).
 */
public record ContentDigest(String hex) {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    public ContentDigest {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
        }
    }

    /**
     * The digest of a content: a {@code ContentDigest} as it is, {@code byte[]} as raw bytes, a
     * {@link CharSequence} as UTF-8, null as no bytes, anything else as canonical JSON.
     */
    public static ContentDigest of(Object content) {
        if (content instanceof ContentDigest d) {
            return d;
        }
        if (content == null) {
            return of(new byte[0]);
        }
        if (content instanceof byte[] bytes) {
            return of(bytes);
        }
        if (content instanceof CharSequence text) {
            return of(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return of(CANONICAL.writeValueAsBytes(content));
    }

    public static ContentDigest of(byte[] bytes) {
        return finish(sha256().digest(bytes));
    }

    /** A fresh SHA-256, e.g. for a {@link java.security.DigestInputStream} over a streamed body. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The digest of what went through a {@link #sha256()}. */
    public static ContentDigest finish(MessageDigest digest) {
        return finish(digest.digest());
    }

    private static ContentDigest finish(byte[] hash) {
        return new ContentDigest(HEX.formatHex(hash));
    }
}
