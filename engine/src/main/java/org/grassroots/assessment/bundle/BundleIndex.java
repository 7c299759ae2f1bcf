package org.grassroots.assessment.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Compact indexes of the keys and references of a bundle, filled record by record during the pass,
 * and the cross-record rules checked on them afterwards: uniqueness, references to organizations
 * and period facts, member counts and parent cycles.
 *
 * <p>One mistake should make one problem. Only key fields that passed their own checks are indexed,
 * and the keys of records that failed them are remembered as "broken": a reference that may have
 * meant such a record (the same text, or a typo apart) is not reported again as unknown.
 */
final class BundleIndex {

    /** Where a cross-record problem belongs. */
    interface Reporter {
        void report(Section section, int index, Problem problem);
    }

    private record Reference(int index, String code) {
    }

    private record FactKey(String orgCode, String period) {
    }

    /** {@code members} is -1 when the facts record gave no valid count. */
    private record FactEntry(int index, int members) {
    }

    /**
     * The key of a facts record that did not pass its checks. {@code orgCode} is a valid code, the
     * text of a broken one ({@code orgCodeBroken}) or null when absent; {@code period} is null
     * unless valid.
     */
    private record BrokenFactsKey(String orgCode, boolean orgCodeBroken, String period) {
        boolean mayBe(FactKey key) {
            boolean sameOrganization = orgCode == null
                    || (orgCodeBroken ? nearlyEqual(orgCode, key.orgCode()) : orgCode.equals(key.orgCode()));
            return sameOrganization && (period == null || period.equals(key.period()));
        }
    }

    private static final int MAX_CYCLE_SHOWN = 10;

    private final StoredRecords stored;
    private final OrganizationTree organizations;
    private final List<Reference> parentReferences = new ArrayList<>();
    private final Map<FactKey, FactEntry> facts = new HashMap<>();
    private final List<Reference> factReferences = new ArrayList<>();
    /** (memberId, period) → index of the first record: millions in a province's bundle, so compact. */
    private final CompactKeys memberKeys = new CompactKeys();
    /** The (orgCode, period) of members, numbered in order of first appearance. */
    private final Map<FactKey, Integer> factKeyNumbers = new HashMap<>();
    private final List<FactKey> factKeys = new ArrayList<>();
    /** Each member record with a valid orgCode and period, in bundle order: its index and its facts key number. */
    private int[] memberIndexes = new int[64];
    private int[] memberFactKeys = new int[64];
    private int memberCount;
    private final List<String> brokenOrganizationCodes = new ArrayList<>();
    private final List<BrokenFactsKey> brokenFactsKeys = new ArrayList<>();
    private final CompactKeys visitIds = new CompactKeys();
    private final List<Reference> visitReferences = new ArrayList<>();

    BundleIndex(StoredRecords stored) {
        this.stored = stored;
        this.organizations = new OrganizationTree(stored);
    }

    // --- during the pass: keys, and duplicates of keys seen before ------------------------------

    Optional<Problem> addOrganization(int index, String code, String parentCode) {
        if (parentCode != null) {
            parentReferences.add(new Reference(index, parentCode));
        }
        if (code == null) {
            return Optional.empty();
        }
        int first = organizations.add(index, code, parentCode);
        return first < 0 ? Optional.empty() : Optional.of(new Problem(Section.ORGANIZATIONS.path(index, "code"),
                "duplicate code " + ValueText.quote(code) + ", first at " + Section.ORGANIZATIONS.path(first)));
    }

    /**
     * Remembers the text of an organization code that is not valid. The record is already
     * reported; references to that code or a near spelling of it are therefore not reported again.
     */
    void addBrokenOrganizationCode(String text) {
        if (text != null) {
            brokenOrganizationCodes.add(text);
        }
    }

    /**
     * Remembers a facts record whose key is not valid: members that would have had their facts
     * there are not reported again as lacking facts.
     *
     * @param orgCode       the valid code, the text of a broken one, or null
     * @param orgCodeBroken whether {@code orgCode} is the text of a broken code
     * @param period        the period, or null when it is not valid
     */
    void addBrokenFactsKey(String orgCode, boolean orgCodeBroken, String period) {
        brokenFactsKeys.add(new BrokenFactsKey(orgCode, orgCodeBroken, period));
    }

    /** @param memberCount the facts' {@code members}, or -1 when it is not valid */
    Optional<Problem> addFacts(int index, String orgCode, String period, int memberCount) {
        if (orgCode != null) {
            factReferences.add(new Reference(index, orgCode));
        }
        if (orgCode == null || period == null) {
            return Optional.empty();
        }
        FactEntry first = facts.putIfAbsent(new FactKey(orgCode, period), new FactEntry(index, memberCount));
        return first == null ? Optional.empty() : Optional.of(new Problem(Section.PERIOD_FACTS.path(index),
                "duplicate period facts for " + orgCode + " in " + period + ", first at "
                        + Section.PERIOD_FACTS.path(first.index())));
    }

    Optional<Problem> addMember(int index, String memberId, String orgCode, String period) {
        if (memberId != null && period != null) {
            int first = memberKeys.putIfAbsent(memberId, period, index);
            if (first >= 0) {
                // Not counted again towards the organization's members: it is already wrong.
                return Optional.of(new Problem(Section.MEMBERS.path(index), "duplicate member record for "
                        + memberId + " in " + period + ", first at " + Section.MEMBERS.path(first)));
            }
        }
        if (orgCode != null && period != null) {
            Integer number = factKeyNumbers.get(new FactKey(orgCode, period));
            if (number == null) {
                number = factKeys.size();
                factKeyNumbers.put(new FactKey(orgCode, period), number);
                factKeys.add(new FactKey(orgCode, period));
            }
            if (memberCount == memberIndexes.length) {
                memberIndexes = Arrays.copyOf(memberIndexes, memberCount * 2);
                memberFactKeys = Arrays.copyOf(memberFactKeys, memberCount * 2);
            }
            memberIndexes[memberCount] = index;
            memberFactKeys[memberCount] = number;
            memberCount++;
        }
        return Optional.empty();
    }

    Optional<Problem> addVisit(int index, String visitId, String orgCode) {
        if (orgCode != null) {
            visitReferences.add(new Reference(index, orgCode));
        }
        if (visitId == null) {
            return Optional.empty();
        }
        int first = visitIds.putIfAbsent(visitId, "", index);
        return first < 0 ? Optional.empty() : Optional.of(new Problem(Section.VISITS.path(index, "visitId"),
                "duplicate visitId " + ValueText.quote(visitId) + ", first at " + Section.VISITS.path(first)));
    }

    // --- after the pass --------------------------------------------------------------------------

    void check(Reporter reporter) {
        checkOrganizationReferences(Section.ORGANIZATIONS, "parentCode", parentReferences, reporter);
        for (OrganizationTree.CycleMember member : organizations.cycles()) {
            reporter.report(Section.ORGANIZATIONS, member.index(), new Problem(
                    Section.ORGANIZATIONS.path(member.index(), "parentCode"),
                    "makes a cycle: " + cycleText(member.cycle())));
        }
        checkOrganizationReferences(Section.PERIOD_FACTS, "orgCode", factReferences, reporter);
        checkMembers(reporter);
        checkOrganizationReferences(Section.VISITS, "orgCode", visitReferences, reporter);
    }

    private void checkOrganizationReferences(Section section, String field, List<Reference> references,
                                             Reporter reporter) {
        for (Reference reference : references) {
            if (!isKnownOrBroken(reference.code())) {
                reporter.report(section, reference.index(), new Problem(section.path(reference.index(), field),
                        "unknown organization " + ValueText.quote(reference.code())));
            }
        }
    }

    /** The members of one (orgCode, period) as they are counted in bundle order. */
    private static final class Tally {
        static final int NO_FACTS = -2;
        final int limit;
        final int stored;
        int count;
        boolean reported;

        Tally(int limit, int stored) {
            this.limit = limit;
            this.stored = stored;
            this.count = stored;
        }
    }

    private void checkMembers(Reporter reporter) {
        Map<FactKey, Tally> tallies = new HashMap<>();
        for (int m = 0; m < memberCount; m++) {
            int index = memberIndexes[m];
            FactKey key = factKeys.get(memberFactKeys[m]);
            if (!isKnownOrBroken(key.orgCode())) {
                reporter.report(Section.MEMBERS, index, new Problem(
                        Section.MEMBERS.path(index, "orgCode"),
                        "unknown organization " + ValueText.quote(key.orgCode())));
                continue;
            }
            Tally tally = tallies.computeIfAbsent(key, this::tally);
            if (tally.limit == Tally.NO_FACTS) {
                if (brokenFactsKeys.stream().anyMatch(broken -> broken.mayBe(key))) {
                    continue;
                }
                reporter.report(Section.MEMBERS, index, new Problem(Section.MEMBERS.path(index),
                        "no period facts for " + key.orgCode() + " in " + key.period()
                                + " (in the bundle or stored)"));
            } else if (tally.limit >= 0 && !tally.reported && ++tally.count > tally.limit) {
                tally.reported = true;
                String storedPart = tally.stored == 0 ? "" : ", counting " + tally.stored + " already stored";
                reporter.report(Section.MEMBERS, index, new Problem(Section.MEMBERS.path(index),
                        "more member records for " + key.orgCode() + " in " + key.period()
                                + " than the members of its period facts (" + tally.limit + ")" + storedPart));
            }
        }
    }

    private Tally tally(FactKey key) {
        FactEntry inBundle = facts.get(key);
        int limit;
        if (inBundle != null) {
            limit = inBundle.members();
        } else {
            OptionalInt inStore = stored.factMembers(key.orgCode(), key.period());
            limit = inStore.isPresent() ? inStore.getAsInt() : Tally.NO_FACTS;
        }
        if (limit < 0) {
            return new Tally(limit, 0);
        }
        // Stored records of members the bundle also carries are replaced, so they do not add up.
        int storedOthers = (int) stored.memberIds(key.orgCode(), key.period()).stream()
                .filter(memberId -> !memberKeys.contains(memberId, key.period()))
                .count();
        return new Tally(limit, storedOthers);
    }

    private boolean isKnownOrBroken(String code) {
        return organizations.isKnown(code)
                || brokenOrganizationCodes.stream().anyMatch(broken -> nearlyEqual(broken, code));
    }

    /** Equal, or a typo apart: one edit for short codes, two for longer ones, case ignored. */
    private static boolean nearlyEqual(String text, String code) {
        int allowed = code.length() <= 4 ? 1 : 2;
        return EditDistance.between(text.toLowerCase(Locale.ROOT), code.toLowerCase(Locale.ROOT), allowed) <= allowed;
    }

    private static String cycleText(List<String> cycle) {
        if (cycle.size() <= MAX_CYCLE_SHOWN) {
            return String.join(" → ", cycle);
        }
        return String.join(" → ", cycle.subList(0, MAX_CYCLE_SHOWN)) + " → … (" + (cycle.size() - 1)
                + " organizations) → " + cycle.get(0);
    }
}
