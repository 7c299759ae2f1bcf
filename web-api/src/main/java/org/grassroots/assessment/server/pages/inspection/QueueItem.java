package org.grassroots.assessment.server.pages.inspection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.server.rectification.RectificationView;

/**
 * A submitted rectification item waiting in the inspection teams' verification queue: its
 * organization's name, its submission (the last submit step: date, evidence, note), and whether it
 * was submitted after its deadline (逾期提交).
 */
public record QueueItem(RectificationView item, String orgName, RectificationView.Step submission) {

    public LocalDate submittedOn() {
        return submission == null ? null : submission.date();
    }

    public boolean late() {
        return submission != null && submission.date().isAfter(item.deadline());
    }

    /** How the queue can be ordered: oldest submission first (the default), by deadline, by organization. */
    public enum Order {
        SUBMITTED("提交日期（先交先核）", Comparator.comparing(QueueItem::submittedOn,
                Comparator.nullsLast(Comparator.naturalOrder()))),
        DEADLINE("整改期限", Comparator.comparing(q -> q.item().deadline())),
        ORGANIZATION("组织", Comparator.comparing(q -> q.item().orgCode()));

        private final String label;
        private final Comparator<QueueItem> comparator;

        Order(String label, Comparator<QueueItem> comparator) {
            this.label = label;
            this.comparator = comparator.thenComparing(q -> q.item().id());
        }

        public String label() {
            return label;
        }

        static Order parse(String name) {
            for (Order o : values()) {
                if (o.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return o;
                }
            }
            return SUBMITTED;
        }
    }

    static List<QueueItem> of(List<RectificationView> items, Map<String, String> names, Order order) {
        return items.stream()
                .map(i -> new QueueItem(i, names.getOrDefault(i.orgCode(), i.orgCode()), lastSubmission(i)))
                .sorted(order.comparator)
                .toList();
    }

    private static RectificationView.Step lastSubmission(RectificationView item) {
        RectificationView.Step last = null;
        for (RectificationView.Step s : item.steps()) {
            if (s.kind() == StepKind.SUBMIT) {
                last = s;
            }
        }
        return last;
    }
}
