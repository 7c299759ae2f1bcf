package org.grassroots.assessment.server.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.grassroots.assessment.evaluation.RectificationDue;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.server.rectification.LedgerRepository.ItemUpdate;
import org.grassroots.assessment.server.rectification.LedgerRepository.NewItem;
import org.grassroots.assessment.server.rectification.LedgerRepository.NewStep;
import org.springframework.stereotype.Component;

/**
 * Brings the ledger in line with what an evaluation produced (policy section 5). GRADING and
 * STANDARD items are keyed by (organization, period, rule id): a produced item is created once; its
 * deadline counts from the earliest as-of date that produced it; an OPEN item no longer produced is
 * withdrawn, a withdrawn one produced again is reopened with a new deadline (both steps dated with
 * the as-of date); SUBMITTED and VERIFIED items are left alone. Runs inside the caller's transaction.
 * Every item it changes or appends a step to gets its version raised, checked against the version
 * read: an item that a representative changed meanwhile makes the evaluation fail with a conflict
 * rather than withdraw what was just submitted.
 */
@Component
public class LedgerSync {

    private final LedgerRepository ledger;

    public LedgerSync(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** What a synchronization changed. */
    public record Changes(int created, int reopened, int withdrawn, int reanchored) {
    }

    /**
     * @param produced every item the evaluation produced (INSPECTION ones are ignored here)
     * @param note     recorded with the withdraw and reopen steps, e.g. which evaluation caused them
     */
    public Changes syncPeriodItems(String period, LocalDate asOf, List<RectificationDue> produced, Instant now,
            String actor, String note) {
        Map<String, LedgerItem> existing = new HashMap<>();
        for (LedgerItem item : ledger.periodItems(period, OrgScope.all())) {
            existing.put(item.itemKey(), item);
        }
        Map<String, RectificationDue> wanted = new LinkedHashMap<>();
        for (RectificationDue due : produced) {
            if (due.source() != RectificationSource.INSPECTION) {
                wanted.putIfAbsent(LedgerItem.periodKey(due.source(), due.orgCode(), period, due.rule()), due);
            }
        }
        List<NewItem> created = new ArrayList<>();
        List<ItemUpdate> updates = new ArrayList<>();
        List<NewStep> steps = new ArrayList<>();
        int reopened = 0;
        for (Map.Entry<String, RectificationDue> e : wanted.entrySet()) {
            RectificationDue due = e.getValue();
            LedgerItem item = existing.get(e.getKey());
            if (item == null) {
                created.add(new NewItem(e.getKey(), due.orgCode(), due.source(), due.rule(), period, null, null,
                        due.description(), asOf, due.dueDays(), asOf.plusDays(due.dueDays())));
                continue;
            }
            RectificationStatus status = item.statusAsOf(asOf);
            if (status == RectificationStatus.WITHDRAWN) {
                steps.add(new NewStep(item.id(), StepKind.REOPEN, asOf, now, actor, note, null));
                updates.add(new ItemUpdate(item.id(), asOf, due.dueDays(), asOf.plusDays(due.dueDays()), due.description(),
                        item.version()));
                reopened++;
            } else if (status == RectificationStatus.OPEN) {
                LocalDate anchor = item.anchorDate() == null || asOf.isBefore(item.anchorDate()) ? asOf : item.anchorDate();
                ItemUpdate update = new ItemUpdate(item.id(), anchor, due.dueDays(), anchor.plusDays(due.dueDays()),
                        due.description(), item.version());
                if (changes(item, update)) {
                    updates.add(update);
                }
            }
        }
        int withdrawn = 0;
        for (LedgerItem item : existing.values()) {
            if (!wanted.containsKey(item.itemKey()) && item.existsOn(asOf)
                    && item.statusAsOf(asOf) == RectificationStatus.OPEN) {
                steps.add(new NewStep(item.id(), StepKind.WITHDRAW, asOf, now, actor, note, null));
                updates.add(ItemUpdate.unchanged(item));
                withdrawn++;
            }
        }
        ledger.insertItems(created, now);
        ledger.updateItems(updates);
        ledger.insertSteps(steps);
        return new Changes(created.size(), reopened, withdrawn, updates.size() - reopened - withdrawn);
    }

    /**
     * Creates the INSPECTION items that the findings' ledger lacks (the visit code normally opens
     * them when a visit is stored) and fills deadlines it left empty, from the rules' due dates.
     *
     * @param dues     INSPECTION items the evaluation produced, with the findings' stored positions
     * @param existing the stored INSPECTION items by key
     */
    public int ensureInspectionItems(List<RectificationDue> dues, Map<String, LedgerItem> existing, Instant now) {
        List<NewItem> created = new ArrayList<>();
        List<ItemUpdate> filled = new ArrayList<>();
        for (RectificationDue due : dues) {
            String key = LedgerItem.inspectionKey(due.visitId(), due.position());
            LedgerItem item = existing.get(key);
            LocalDate visitDate = due.deadline().minusDays(due.dueDays());
            if (item == null) {
                created.add(new NewItem(key, due.orgCode(), RectificationSource.INSPECTION, due.rule(), null,
                        due.visitId(), due.position(), due.description(), visitDate, due.dueDays(), due.deadline()));
            } else if (item.deadline() == null) {
                filled.add(new ItemUpdate(item.id(), Objects.requireNonNullElse(item.anchorDate(), visitDate),
                        due.dueDays(), due.deadline(), item.description(), item.version()));
            }
        }
        ledger.insertItems(created, now);
        ledger.updateItems(filled);
        return created.size() + filled.size();
    }

    private static boolean changes(LedgerItem item, ItemUpdate update) {
        return !Objects.equals(item.anchorDate(), update.anchorDate()) || !Objects.equals(item.dueDays(), update.dueDays())
                || !Objects.equals(item.deadline(), update.deadline())
                || !Objects.equals(item.description(), update.description());
    }
}
