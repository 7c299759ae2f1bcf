package org.grassroots.assessment.server.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.model.MemberRecord;

/**
 * What a member upsert does to the rolls of one period: the stored rolls it read (of the organizations
 * it writes, and of others that hold one of its members), the records put on them (a record replaces
 * the one with its memberId, wherever it was: a member is in one organization per period), and the
 * rows that follow.
 */
final class MemberRollChanges {

    /**
     * A row to write: a new roll ({@code version} null), a changed one, or an emptied one ({@code roll}
     * null); {@code ids}: its memberIds ({@link MemberRoll#idList}) when they are new or changed, else null.
     */
    record Change(String orgCode, String roll, int members, Long version, String ids) {
    }

    private record Stored(String roll, long version, String ids) {
    }

    private final String period;
    private final Map<String, Stored> stored = new HashMap<>();
    private final Map<String, Map<String, MemberRecord>> rolls = new TreeMap<>();
    private final Map<String, String> organizationOf = new HashMap<>();

    MemberRollChanges(String period) {
        this.period = period;
    }

    /** A stored roll the records may change. */
    void stored(String orgCode, String roll, long version) {
        Map<String, MemberRecord> byId = new HashMap<>();
        for (MemberRecord m : MemberRoll.read(roll, orgCode, period)) {
            byId.put(m.memberId(), m);
            organizationOf.put(m.memberId(), orgCode);
        }
        stored.put(orgCode, new Stored(roll, version, MemberRoll.idList(byId.keySet())));
        rolls.put(orgCode, byId);
    }

    int storedRolls() {
        return stored.size();
    }

    /**
     * Puts the records on their organizations' rolls, each off the roll it was on.
     *
     * @return how many of them no stored roll held
     */
    int put(List<MemberRecord> records) {
        int added = 0;
        for (MemberRecord m : records) {
            String was = organizationOf.put(m.memberId(), m.orgCode());
            if (was == null) {
                added++;
            } else if (!was.equals(m.orgCode())) {
                rolls.get(was).remove(m.memberId());
            }
            rolls.computeIfAbsent(m.orgCode(), k -> new HashMap<>()).put(m.memberId(), m);
        }
        return added;
    }

    /** The rows to write, by organization code: rolls that are new, changed or emptied; unchanged ones are left alone. */
    List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        rolls.forEach((org, byId) -> {
            Stored before = stored.get(org);
            if (byId.isEmpty()) {
                if (before != null) {
                    changes.add(new Change(org, null, 0, before.version(), null));
                }
                return;
            }
            String roll = MemberRoll.write(byId.values());
            String ids = MemberRoll.idList(byId.keySet());
            if (before == null) {
                changes.add(new Change(org, roll, byId.size(), null, ids));
            } else if (!roll.equals(before.roll())) {
                changes.add(new Change(org, roll, byId.size(), before.version(), ids.equals(before.ids()) ? null : ids));
            }
        });
        return changes;
    }
}
