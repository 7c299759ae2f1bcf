package org.grassroots.assessment.server.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.grassroots.assessment.evaluation.ResultJson;

/**
 * A draft's impact notice (影响通知), what an approver sees before approving it (four-eyes
 * activation): the version and its author, the set in force it is compared with, and the what-if of
 * the period ({@link WhatIfReport}, unchanged: per organization the tier, rank and composite before
 * and after and the explanation lines that change). {@code noData} says why there is no what-if
 * (no organization has facts for the period). {@code digest} is the SHA-256 of the notice's JSON
 * without the digest: an approval names the digest of the notice it saw, and is refused when the
 * notice computed at approval differs.
 */
public record ImpactNotice(long versionId, String version, String checksum, String author, String period,
        LocalDate asOf, String baseVersion, String baseChecksum, String noData, WhatIfReport whatIf, String digest) {

    static ImpactNotice of(RuleSetVersions.Row draft, String period, LocalDate asOf, String baseVersion,
            String baseChecksum, String noData, WhatIfReport whatIf) {
        ImpactNotice unsigned = new ImpactNotice(draft.id(), draft.version(), draft.checksum(), draft.createdBy(), period,
                whatIf == null ? asOf : whatIf.asOf(), baseVersion, baseChecksum, noData, whatIf, null);
        return unsigned.withDigest(digest(ResultJson.mapper().writeValueAsString(unsigned)));
    }

    private ImpactNotice withDigest(String d) {
        return new ImpactNotice(versionId, version, checksum, author, period, asOf, baseVersion, baseChecksum, noData,
                whatIf, d);
    }

    /** The notice as stored with an approval. */
    String json() {
        return ResultJson.mapper().writeValueAsString(this);
    }

    static ImpactNotice fromJson(String json) {
        return ResultJson.mapper().readValue(json, ImpactNotice.class);
    }

    private static String digest(String json) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha.digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
