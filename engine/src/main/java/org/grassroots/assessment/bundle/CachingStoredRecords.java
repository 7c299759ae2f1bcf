package org.grassroots.assessment.bundle;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Remembers the answers of a {@link StoredRecords} for the length of one read: a bundle refers to
 * the same few thousand organizations hundreds of thousands of times, and each stored answer may
 * cost a database query.
 */
final class CachingStoredRecords implements StoredRecords {

    private record Key(String orgCode, String period) {
    }

    private final StoredRecords stored;
    private final Map<String, Optional<StoredOrganization>> organizations = new HashMap<>();
    private final Map<Key, OptionalInt> factMembers = new HashMap<>();

    CachingStoredRecords(StoredRecords stored) {
        this.stored = stored;
    }

    @Override
    public Optional<StoredOrganization> organization(String code) {
        return organizations.computeIfAbsent(code, stored::organization);
    }

    @Override
    public OptionalInt factMembers(String orgCode, String period) {
        return factMembers.computeIfAbsent(new Key(orgCode, period), k -> stored.factMembers(orgCode, period));
    }

    /** Not remembered: the reader asks once per (orgCode, period) anyway. */
    @Override
    public Set<String> memberIds(String orgCode, String period) {
        return stored.memberIds(orgCode, period);
    }
}
