package org.grassroots.assessment.server.pages.organization;

import java.util.List;
import org.grassroots.assessment.rectification.StepKind;
import org.grassroots.assessment.server.rectification.RectificationView;

/**
 * A rectification item's history as its organization's page shows it: every step in order with a
 * Chinese label, and the reason of the last rejection while the item is open again after it.
 *
 * @param steps        the steps, oldest first
 * @param sentBackWith the reason the item was sent back, when its latest step is a rejection; else null
 */
public record ItemHistory(List<Line> steps, String sentBackWith) {

    /** A step: what happened, its date and time, who (staff hidden from a representative), evidence, note. */
    public record Line(String label, RectificationView.Step step, boolean rejection) {
    }

    static ItemHistory of(RectificationView item) {
        List<Line> lines = item.steps().stream()
                .map(s -> new Line(label(s.kind()), s, s.kind() == StepKind.REJECT)).toList();
        RectificationView.Step last = item.steps().isEmpty() ? null : item.steps().get(item.steps().size() - 1);
        String reason = last != null && last.kind() == StepKind.REJECT ? last.note() : null;
        return new ItemHistory(lines, reason);
    }

    static String label(StepKind kind) {
        return switch (kind) {
            case SUBMIT -> "提交整改材料";
            case VERIFY -> "核验销号";
            case REJECT -> "退回";
            case WITHDRAW -> "撤销";
            case REOPEN -> "重新打开";
        };
    }
}
