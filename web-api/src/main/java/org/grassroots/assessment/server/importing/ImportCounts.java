package org.grassroots.assessment.server.importing;

/**
 * What an import wrote: records per kind (organizations, facts and members created or replaced),
 * visits added and visits already stored identically, and the findings of the added visits.
 */
public record ImportCounts(int organizations, int periodFacts, int members, int visits, int visitsUnchanged,
                           int findings) {
}
