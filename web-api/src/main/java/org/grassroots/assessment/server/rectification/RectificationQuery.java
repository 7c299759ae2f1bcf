package org.grassroots.assessment.server.rectification;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.organization.OrganizationSubtreeRepository;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Reads the rectification list (整改台账) with filters: status and overdue are derived from the
 * steps as of the list's date (policy section 0), so they are applied after reading.
 */
@Service
public class RectificationQuery {

    /** Beyond this many codes a subtree is filtered in memory rather than by an SQL IN list. */
    private static final int MAX_IN_LIST = 500;

    private final LedgerRepository ledger;
    private final RectificationItems items;
    private final OrganizationSubtreeRepository subtree;
    private final Clock clock;

    private final LedgerSnapshot snapshot;
    /**
     * What a list of the kept whole ledger as of a date depends on besides the ledger and the date
     * (its {@link LedgerSnapshot.Dated} keeps it): the filter's terms, the codes, the order.
     */
    private record ListKey(Set<RectificationStatus> statuses, RectificationSource source, Boolean overdue,
            LocalDate dueBefore, String period, Set<String> codes, LedgerOrder order) {
    }

    public RectificationQuery(LedgerRepository ledger, RectificationItems items, OrganizationSubtreeRepository subtree,
            Clock clock, LedgerSnapshot snapshot) {
        this.snapshot = snapshot;
        this.ledger = ledger;
        this.items = items;
        this.subtree = subtree;
        this.clock = clock;
    }

    public RectificationList list(RectificationFilter filter) {
        return list(filter, LedgerOrder.POLICY);
    }

    /** As {@link #list(RectificationFilter)}, the items in the order asked for before they are paged. */
    public RectificationList list(RectificationFilter filter, LedgerOrder order) {
        LocalDate asOf = filter.asOf() != null ? filter.asOf() : LocalDate.now(clock);
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> args = new ArrayList<>();
        Set<String> codes = null;
        boolean whole = true;
        if (filter.orgCode() != null && !filter.orgCode().isBlank()) {
            codes = subtree.codes(filter.orgCode(), filter.subtree());
            if (codes.size() <= MAX_IN_LIST) {
                OrgScope scope = OrgScope.organizations(codes);
                where.append(" and ").append(scope.condition("i.org_code"));
                args.addAll(scope.args());
                codes = null;
                whole = false;
            }
        }
        if (filter.source() != null) {
            where.append(" and i.source = ?");
            args.add(filter.source().name());
        }
        if (filter.dueBefore() != null) {
            where.append(" and i.deadline < ?");
            args.add(Date.valueOf(filter.dueBefore()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" and i.deadline < ?");
            args.add(Date.valueOf(asOf));
        }
        if (filter.period() != null && !filter.period().isBlank()) {
            where.append(" and i.period = ?");
            args.add(filter.period());
        }
        // most of the ledger: from the kept whole ledger, filtered here as the SQL would; else read by SQL
        // (the kept ledger's statuses as of the date are derived once per date, and a filter's items of
        // the kept ledger as of a date are kept with them for its next pages: the ledger kept never changes)
        List<LedgerItem> matching;
        if (whole) {
            LedgerSnapshot.Dated kept = snapshot.asOf(asOf);
            Set<String> within = codes;
            matching = kept.list(new ListKey(filter.statuses(), filter.source(), filter.overdue(), filter.dueBefore(),
                    filter.period(), within, order), () -> matching(filter, order, asOf, within, kept.items(), kept));
        } else {
            matching = matching(filter, order, asOf, null, ledger.find(where.toString(), args, false), null);
        }
        List<LedgerItem> page = matching;
        if (filter.size() != null) {
            int from = (int) Math.min(matching.size(), (long) filter.page() * filter.size());
            page = matching.subList(from, Math.min(matching.size(), from + filter.size()));
        }
        return new RectificationList(asOf, matching.size(), filter.page(), filter.size(),
                page.stream().map(i -> RectificationView.of(i, asOf)).toList());
    }

    /**
     * The items of {@code read} the filter keeps as of the date, in the order asked for; {@code kept}:
     * the kept whole ledger {@code read} is (its statuses as of the date at the same index), else null
     * (read by SQL, which applied every filter but the status and overdue ones).
     */
    private static List<LedgerItem> matching(RectificationFilter filter, LedgerOrder order, LocalDate asOf,
            Set<String> codes, List<LedgerItem> read, LedgerSnapshot.Dated kept) {
        boolean whole = kept != null;
        List<LedgerItem> matching = new ArrayList<>();
        for (int index = 0; index < read.size(); index++) {
            LedgerItem item = read.get(index);
            if (whole && !(filter.source() == null || filter.source() == item.source())
                    || whole && filter.dueBefore() != null && !item.deadline().isBefore(filter.dueBefore())
                    || whole && Boolean.TRUE.equals(filter.overdue()) && !item.deadline().isBefore(asOf)
                    || whole && filter.period() != null && !filter.period().isBlank()
                            && !filter.period().equals(item.period())) {
                continue;
            }
            boolean exists = item.source() != RectificationSource.INSPECTION
                    || (item.visitDate() != null && !item.visitDate().isAfter(asOf));
            if (!exists || codes != null && !codes.contains(item.orgCode())) {
                continue;
            }
            RectificationStatus status = whole ? kept.statuses().get(index) : item.statusAsOf(asOf);
            if (filter.admits(status) && (filter.overdue() == null
                    || filter.overdue() == LedgerItem.overdue(status, item.deadline(), asOf))) {
                matching.add(item);
            }
        }
        if (!whole || order != LedgerOrder.POLICY) {
            matching.sort(order.comparator()); // the kept ledger is in the policy's order already
        }
        return matching;
    }

    public RectificationView get(long id, LocalDate asOf) {
        RectificationItem stored = items.findWithStepsById(id)
                .orElseThrow(() -> new NotFoundException("整改项不存在：" + id));
        LedgerItem item = ledger.withFindings(List.of(stored.toLedgerItem())).get(0);
        return RectificationView.of(item, asOf != null ? asOf : LocalDate.now(clock));
    }
}
