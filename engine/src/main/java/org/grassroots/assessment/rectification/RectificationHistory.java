package org.grassroots.assessment.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.RectificationStatus;

/**
 * The lifecycle steps of one rectification item, in the order recorded, and its status as of a
 * date: the status set by the last step dated on or before it, OPEN when there is none.
 */
public record RectificationHistory(List<RectificationStep> steps) {

    public static final RectificationHistory NONE = new RectificationHistory(List.of());

    public RectificationHistory {
        steps = List.copyOf(steps);
    }

    /** The steps a bundle's imported ledger state stands for (docs/formats.md section 1). */
    public static RectificationHistory imported(ImportedRectification r) {
        if (r == null) {
            return NONE;
        }
        List<RectificationStep> steps = new ArrayList<>(2);
        if (r.submittedOn() != null) {
            steps.add(new RectificationStep(StepKind.SUBMIT, r.submittedOn()));
        }
        if (r.verifiedOn() != null) {
            steps.add(new RectificationStep(StepKind.VERIFY, r.verifiedOn()));
        }
        return new RectificationHistory(steps);
    }

    public RectificationStatus statusAsOf(LocalDate date) {
        RectificationStatus status = RectificationStatus.OPEN;
        for (RectificationStep step : stepsUpTo(date)) {
            status = step.kind().result();
        }
        return status;
    }

    /** The date of the latest submit step on or before the date, or null. */
    public LocalDate lastSubmitAsOf(LocalDate date) {
        LocalDate last = null;
        for (RectificationStep step : stepsUpTo(date)) {
            if (step.kind() == StepKind.SUBMIT) {
                last = step.date();
            }
        }
        return last;
    }

    /** The date of the latest verify step on or before the date, or null. */
    public LocalDate lastVerifyAsOf(LocalDate date) {
        LocalDate last = null;
        for (RectificationStep step : stepsUpTo(date)) {
            if (step.kind() == StepKind.VERIFY) {
                last = step.date();
            }
        }
        return last;
    }

    /** Steps dated on or before the date: stable by date, so same-date steps keep their recorded order. */
    private List<RectificationStep> stepsUpTo(LocalDate date) {
        List<RectificationStep> upTo = new ArrayList<>(steps.size());
        for (RectificationStep step : steps) {
            if (!step.date().isAfter(date)) {
                upTo.add(step);
            }
        }
        upTo.sort((a, b) -> a.date().compareTo(b.date()));
        return upTo;
    }
}
