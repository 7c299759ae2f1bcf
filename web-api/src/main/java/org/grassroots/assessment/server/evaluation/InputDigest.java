package org.grassroots.assessment.server.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.server.rectification.LedgerItem;
import org.grassroots.assessment.server.rectification.LedgerStep;

/**
 * The inputs' snapshot reference of an evaluation: SHA-256 over everything it read, organization by
 * organization in code order (each organization's facts, members, visits with their standing
 * findings and stored content digests, and its findings' ledger steps), then the previous grades'
 * source. Equal digests mean the evaluations saw the same inputs.
 */
final class InputDigest {

    private InputDigest() {
    }

    /**
     * The digest of a district read in batches: each batch's organizations digested as it is read
     * (32 bytes each kept), combined in code order at the end, so that it does not depend on the batches.
     */
    static final class Batched {
        private final Map<String, byte[]> perOrg = new java.util.TreeMap<>();

        void add(DatabaseAssessmentData data, Period period) {
            List<Organization> orgs = new ArrayList<>(data.organizations().values());
            List<byte[]> digests = orgs.parallelStream().map(o -> organization(data, o, period)).toList();
            for (int i = 0; i < orgs.size(); i++) {
                perOrg.put(orgs.get(i).code(), digests.get(i));
            }
        }

        String finish(Period period, LocalDate asOf, String previousGrades) {
            MessageDigest sha = sha256();
            update(sha, "period " + period + " as of " + asOf);
            perOrg.values().forEach(sha::update);
            update(sha, "previous " + previousGrades);
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        }
    }

    private static byte[] organization(DatabaseAssessmentData data, Organization org, Period period) {
        MessageDigest sha = sha256();
        update(sha, org);
        for (Period p : List.of(period, period.previous())) {
            PeriodFacts f = data.facts(org.code(), p);
            if (f != null) {
                update(sha, f);
            }
            for (MemberRecord m : data.members(org.code(), p)) {
                update(sha, m);
            }
        }
        Map<String, DatabaseAssessmentData.StoredVisit> stored = data.storedVisits();
        for (Visit v : data.visitsUpTo(org.code(), LocalDate.MAX)) {
            update(sha, v);
            DatabaseAssessmentData.StoredVisit s = stored.get(v.visitId());
            update(sha, s.contentDigest() + " " + Arrays.toString(s.positions()));
            for (int position : s.positions()) {
                LedgerItem item = data.inspectionItems().get(LedgerItem.inspectionKey(v.visitId(), position));
                if (item != null) {
                    for (LedgerStep step : item.steps()) {
                        update(sha, step.kind() + " " + step.date());
                    }
                }
            }
        }
        return sha.digest();
    }

    /** A member record by its values (there are hundreds of thousands: cheaper than its text). */
    private static void update(MessageDigest sha, MemberRecord m) {
        sha.update(m.memberId().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(m.orgCode().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(m.period().getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(48);
        b.put((byte) (m.floating() ? 1 : 0)).putDouble(m.serviceHours()).put((byte) m.appraisal().ordinal())
                .putInt(m.innovations()).putInt(m.managementResults()).putDouble(m.studyAttendanceRate())
                .putDouble(m.testScore()).put((byte) (m.disciplinaryAction() ? 1 : 0));
        sha.update(b.array(), 0, b.position());
    }

    private static void update(MessageDigest sha, Object value) {
        sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
