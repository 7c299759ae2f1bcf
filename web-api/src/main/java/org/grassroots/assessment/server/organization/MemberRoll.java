package org.grassroots.assessment.server.organization;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.MemberRecord;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * How one organization's member records of one period are kept in one row ({@code member_roll.members}):
 * a JSON array with an array per member, by memberId, each holding the record's values in the order
 * of {@link MemberRecord} without its organization and period (the row's key says them):
 * {@code [["V-HONGQI-01",false,12.5,"EXCELLENT",1,0,0.95,88.0,false], …]}.
 * <p>
 * A row per roll instead of per member: an import of a district writes some 20,000 rows for its
 * 600,000 member records instead of 600,000, each with two index entries and an undo-log entry that
 * the commit walks again (BENCHMARKS.md, server section). Numbers are written and read by Jackson,
 * so every double comes back as it was written.
 */
public final class MemberRoll {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private MemberRoll() {
    }

    /** The roll of these records (one organization's of one period), by memberId. */
    public static String write(Collection<MemberRecord> members) {
        List<MemberRecord> sorted = new ArrayList<>(members);
        sorted.sort((a, b) -> a.memberId().compareTo(b.memberId()));
        StringWriter out = new StringWriter(64 * sorted.size() + 2);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (MemberRecord m : sorted) {
                g.writeStartArray();
                g.writeString(m.memberId());
                g.writeBoolean(m.floating());
                g.writeNumber(m.serviceHours());
                g.writeString(m.appraisal().name());
                g.writeNumber(m.innovations());
                g.writeNumber(m.managementResults());
                g.writeNumber(m.studyAttendanceRate());
                g.writeNumber(m.testScore());
                g.writeBoolean(m.disciplinaryAction());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    /** The records of a stored roll, by memberId. */
    public static List<MemberRecord> read(String roll, String orgCode, String period) {
        List<MemberRecord> members = new ArrayList<>();
        try (JsonParser p = JSON.createParser(roll)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, roll);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String id = text(p, roll);
                boolean floating = bool(p, roll);
                double serviceHours = number(p, roll).getDoubleValue();
                Appraisal appraisal = Appraisal.valueOf(text(p, roll));
                int innovations = number(p, roll).getIntValue();
                int managementResults = number(p, roll).getIntValue();
                double studyAttendanceRate = number(p, roll).getDoubleValue();
                double testScore = number(p, roll).getDoubleValue();
                boolean disciplinaryAction = bool(p, roll);
                expect(p.nextToken(), JsonToken.END_ARRAY, roll);
                members.add(new MemberRecord(id, orgCode, period, floating, serviceHours, appraisal, innovations,
                        managementResults, studyAttendanceRate, testScore, disciplinaryAction));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY, roll);
        }
        return members;
    }

    /**
     * The memberIds of a roll as kept beside it ({@code member_roll_ids.member_ids}): in order, separated
     * by a space (a memberId is letters, digits, '_' and '-').
     */
    public static String idList(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        return String.join(" ", sorted);
    }

    /** The memberIds of an {@link #idList}. */
    public static String[] idsOf(String idList) {
        return idList.isEmpty() ? new String[0] : idList.split(" ");
    }

    /** The memberIds of a stored roll, in its order, without reading the rest of each record. */
    public static List<String> ids(String roll) {
        List<String> ids = new ArrayList<>();
        try (JsonParser p = JSON.createParser(roll)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, roll);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                ids.add(text(p, roll));
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null || t.isStructStart()) {
                        throw broken(roll, "a value", t);
                    }
                }
            }
            expect(p.currentToken(), JsonToken.END_ARRAY, roll);
        }
        return ids;
    }

    private static String text(JsonParser p, String roll) {
        expect(p.nextToken(), JsonToken.VALUE_STRING, roll);
        return p.getString();
    }

    private static boolean bool(JsonParser p, String roll) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw broken(roll, "a boolean", t);
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static JsonParser number(JsonParser p, String roll) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw broken(roll, "a number", t);
        }
        return p;
    }

    private static void expect(JsonToken actual, JsonToken expected, String roll) {
        if (actual != expected) {
            throw broken(roll, expected.name(), actual);
        }
    }

    private static IllegalStateException broken(String roll, String expected, JsonToken actual) {
        return new IllegalStateException("a stored member roll is not as written: " + expected + " expected, " + actual
                + " found in " + (roll.length() > 200 ? roll.substring(0, 200) + "…" : roll));
    }
}
