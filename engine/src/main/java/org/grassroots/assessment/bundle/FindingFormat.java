package org.grassroots.assessment.bundle;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;

/** The JSON form of one finding of a visit, with its optional imported rectification state. */
final class FindingFormat {

    static final KnownFields FIELDS = KnownFields.of(
            "item", "severity", "deduction", "note", "evidence", "rectification");
    private static final KnownFields RECTIFICATION_FIELDS = KnownFields.of("status", "submittedOn", "verifiedOn");

    private static final Pattern ITEM = Pattern.compile("^C(0[1-9]|1[0-2])$");
    /** C12 "other" has no catalog deduction, so the inspector states one. */
    private static final String OTHER_ITEM = "C12";
    /** WITHDRAWN is a server-side state; a bundle cannot bring it in. */
    private static final EnumSet<RectificationStatus> IMPORTABLE = EnumSet.of(
            RectificationStatus.OPEN, RectificationStatus.SUBMITTED, RectificationStatus.VERIFIED);

    private FindingFormat() {
    }

    /**
     * Checks one finding object; the result is meaningful only if nothing was reported.
     *
     * @param visitDate the date of the visit, or null when it is not valid (date order is then not checked)
     */
    static Finding read(ObjectFields f, LocalDate visitDate) {
        String item = f.matching("item", ITEM, "a checklist item C01–C12");
        Severity severity = f.optionalEnum("severity", Severity.class);
        Integer deduction = deduction(f, item);
        String note = f.optionalText("note", 2000);
        List<String> evidence = f.optionalStrings("evidence", 20);
        ImportedRectification rectification = rectification(
                f.object("rectification", RECTIFICATION_FIELDS), visitDate);
        return new Finding(item, severity, deduction, note, evidence, rectification);
    }

    private static Integer deduction(ObjectFields f, String item) {
        if (OTHER_ITEM.equals(item)) {
            return f.integer("deduction", 1, 20);
        }
        if (item != null) {
            f.forbidden("deduction", "is allowed only for item C12");
        } else if (f.isPresent("deduction")) {
            f.integer("deduction", 1, 20);
        }
        return null;
    }

    private static ImportedRectification rectification(ObjectFields f, LocalDate visitDate) {
        if (f == null) {
            return null;
        }
        RectificationStatus status = f.enumValue("status", IMPORTABLE);
        LocalDate submittedOn = f.optionalDate("submittedOn");
        LocalDate verifiedOn = f.optionalDate("verifiedOn");
        if (status != null) {
            boolean submitted = status != RectificationStatus.OPEN;
            boolean verified = status == RectificationStatus.VERIFIED;
            dateRequiredExactlyWhen(f, "submittedOn", submitted, status);
            dateRequiredExactlyWhen(f, "verifiedOn", verified, status);
        }
        if (visitDate != null) {
            notBefore(f, "submittedOn", submittedOn, "the visit date", visitDate);
            notBefore(f, "verifiedOn", verifiedOn, "the visit date", visitDate);
        }
        if (f.valid("submittedOn")) {
            notBefore(f, "verifiedOn", verifiedOn, "submittedOn", submittedOn);
        }
        return new ImportedRectification(status, submittedOn, verifiedOn);
    }

    private static void dateRequiredExactlyWhen(ObjectFields f, String field, boolean required,
                                                RectificationStatus status) {
        if (required && !f.isPresent(field)) {
            f.problem(field, "is required when status is " + status);
        } else if (!required) {
            f.forbidden(field, "must be absent when status is " + status);
        }
    }

    private static void notBefore(ObjectFields f, String field, LocalDate date, String limitName, LocalDate limit) {
        if (date != null && limit != null && f.valid(field) && date.isBefore(limit)) {
            f.problem(field, "must not be before " + limitName + " (" + limit + "), got " + date);
        }
    }
}
