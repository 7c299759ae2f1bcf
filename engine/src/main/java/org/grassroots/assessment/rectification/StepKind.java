package org.grassroots.assessment.rectification;

import org.grassroots.assessment.model.RectificationStatus;

/** A lifecycle step of a rectification item and the status it leaves the item in (policy section 0). */
public enum StepKind {
    SUBMIT(RectificationStatus.SUBMITTED),
    VERIFY(RectificationStatus.VERIFIED),
    REJECT(RectificationStatus.OPEN),
    WITHDRAW(RectificationStatus.WITHDRAWN),
    REOPEN(RectificationStatus.OPEN);

    private final RectificationStatus result;

    StepKind(RectificationStatus result) { this.result = result; }

    public RectificationStatus result() { return result; }
}
