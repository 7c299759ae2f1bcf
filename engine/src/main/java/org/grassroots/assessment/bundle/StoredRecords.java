package org.grassroots.assessment.bundle;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * What a server already holds, as far as bundle validation needs it for cross-references.
 *
 * <p>Re-importing a record with the same key replaces the stored one (organizations by code, facts
 * by (orgCode, period), members by (memberId, period)), so a record in the bundle always wins over
 * a stored record with the same key. The reader calls each method at most once per distinct
 * argument during one read.
 */
public interface StoredRecords {

    /** Nothing is stored: the bundle must be self-contained (offline use). */
    StoredRecords NONE = organizations(code -> Optional.empty());

    /**
     * Only organizations are stored, as {@code lookup} answers by code; no period facts, no member records
     * (a district arriving in parts, before its records; tests).
     */
    static StoredRecords organizations(Function<String, Optional<StoredOrganization>> lookup) {
        return new StoredRecords() {
            @Override
            public Optional<StoredOrganization> organization(String code) {
                return lookup.apply(code);
            }

            @Override
            public OptionalInt factMembers(String orgCode, String period) {
                return OptionalInt.empty();
            }

            @Override
            public Set<String> memberIds(String orgCode, String period) {
                return Set.of();
            }
        };
    }

    /** A stored organization with the parent it has now; {@code parentCode} is null for a root. */
    record StoredOrganization(String code, String parentCode) {
    }

    /** The stored organization with this code, if any. */
    Optional<StoredOrganization> organization(String code);

    /** The {@code members} fact of the stored period facts of (orgCode, period), if such facts are stored. */
    OptionalInt factMembers(String orgCode, String period);

    /** The memberIds of the member records stored for (orgCode, period); empty when none. */
    Set<String> memberIds(String orgCode, String period);
}
