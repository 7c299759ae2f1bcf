package org.grassroots.assessment.server.evaluation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.IndexedAssessmentData;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.evaluation.PhotoTaken;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.rectification.RectificationHistory;
import org.grassroots.assessment.server.rectification.LedgerItem;

/**
 * What one evaluation read from the database, indexed by the engine's RecordIndex like a bundle. The loader
 * fills it; once an evaluation starts reading it nothing changes it, so the evaluator's threads
 * may share it. Only the organizations added first (those with facts for the evaluated period)
 * count: facts, members, visits and items of other organizations are ignored.
 *
 * <p>Visits hold only their standing findings (withdrawn ones are left out), so the engine numbers
 * a visit's findings 0, 1, 2, … while the database keeps each finding's own position. This class
 * translates: {@link #findingHistory} takes the engine's index, and {@link #storedPosition} turns
 * the index in a result back into the stored position that keys the ledger.
 */
public final class DatabaseAssessmentData extends IndexedAssessmentData {

    private final Map<String, StoredVisit> storedVisits = new HashMap<>();
    private final Map<String, LedgerItem> inspectionItems = new HashMap<>();
    private final Map<String, List<PhotoTaken>> photos = new HashMap<>();

    /** A visit as stored: its date, its content digest and the stored positions of its standing findings. */
    record StoredVisit(String orgCode, LocalDate date, String contentDigest, int[] positions) {
    }

    DatabaseAssessmentData() {
    }

    void add(Organization org) {
        index.add(org);
    }

    boolean covers(String orgCode) {
        return index.contains(orgCode);
    }

    void add(PeriodFacts f) {
        if (covers(f.orgCode())) {
            index.add(f);
        }
    }

    void add(MemberRecord m) {
        if (covers(m.orgCode())) {
            index.add(m);
        }
    }

    /** A visit with the stored positions of its standing findings, in order. */
    void add(Visit visit, int[] storedPositions, String contentDigest) {
        if (covers(visit.orgCode())) {
            index.add(visit);
            storedVisits.put(visit.visitId(), new StoredVisit(visit.orgCode(), visit.date(), contentDigest, storedPositions));
        }
    }

    /** A photo of a stored visit that says when it was taken. */
    void add(PhotoTaken photo) {
        if (storedVisits.containsKey(photo.visitId())) {
            photos.computeIfAbsent(photo.visitId(), k -> new ArrayList<>()).add(photo);
        }
    }

    @Override
    public List<PhotoTaken> photosTaken(String visitId) {
        return photos.getOrDefault(visitId, List.of());
    }

    /** Keeps the INSPECTION item of a standing finding read, with its visit's date; ignores others. */
    void addIfStanding(LedgerItem item) {
        StoredVisit visit = item.visitId() == null ? null : storedVisits.get(item.visitId());
        if (visit != null && item.position() != null && contains(visit.positions(), item.position())) {
            inspectionItems.put(item.itemKey(), item.withFinding(visit.date(), false));
        }
    }

    /** Sorts what needs an order; call once the visits are read. */
    void seal() {
        index.seal();
    }

    Map<String, Organization> organizations() {
        return index.organizations();
    }

    Map<String, StoredVisit> storedVisits() {
        return Collections.unmodifiableMap(storedVisits);
    }

    @Override
    public RectificationHistory findingHistory(String visitId, int position) {
        LedgerItem item = inspectionItems.get(LedgerItem.inspectionKey(visitId, storedPosition(visitId, position)));
        return item == null ? RectificationHistory.NONE : item.history();
    }

    /** The ledger id of the finding's item (the engine's index), as the rectification API names it. */
    @Override
    public String rectificationId(String visitId, int position) {
        LedgerItem item = inspectionItems.get(LedgerItem.inspectionKey(visitId, storedPosition(visitId, position)));
        return item == null ? super.rectificationId(visitId, position) : String.valueOf(item.id());
    }

    /** The stored position of the finding the engine numbered {@code index} in its visit. */
    public int storedPosition(String visitId, int index) {
        StoredVisit visit = storedVisits.get(visitId);
        return visit == null || index < 0 || index >= visit.positions().length ? index : visit.positions()[index];
    }

    /** The date of a visit read, or null. */
    public LocalDate visitDate(String visitId) {
        StoredVisit visit = storedVisits.get(visitId);
        return visit == null ? null : visit.date();
    }

    /** The stored INSPECTION items of the standing findings read, by item key, with their visit's date. */
    public Map<String, LedgerItem> inspectionItems() {
        return Collections.unmodifiableMap(inspectionItems);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
