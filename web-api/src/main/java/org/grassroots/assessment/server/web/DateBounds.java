package org.grassroots.assessment.server.web;

import java.beans.PropertyEditorSupport;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.grassroots.assessment.model.Period;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The dates the server accepts: in the years of the assessment periods ({@link Period#MIN_YEAR}–
 * {@link Period#MAX_YEAR}). ISO dates reach far further ({@code +999999999-12-31}), beyond what the
 * database and the date arithmetic hold, so every date that comes in is bounded here: request
 * parameters by the binder below, JSON fields and hand-parsed dates by {@link #check}.
 */
@ControllerAdvice
public class DateBounds {

    public static final LocalDate FIRST = LocalDate.of(Period.MIN_YEAR, 1, 1);
    public static final LocalDate LAST = LocalDate.of(Period.MAX_YEAR, 12, 31);

    /** A date outside {@link #FIRST}…{@link #LAST}, or not a date at all; its message is for the reader. */
    public static final class OutOfRange extends IllegalArgumentException {
        OutOfRange(String message) {
            super(message);
        }
    }

    public static boolean holds(LocalDate date) {
        return Period.inRange(date);
    }

    /** What to tell the reader about a date out of range. */
    public static String message(Object date) {
        return "日期须在 " + FIRST + " 至 " + LAST + " 之间 the date must be between " + FIRST + " and " + LAST
                + ", got " + date;
    }

    /**
     * The date itself (null stays null).
     *
     * @throws InvalidRequestException naming {@code pointer} when the date is out of range
     */
    public static LocalDate check(String pointer, LocalDate date) {
        if (date != null && !holds(date)) {
            throw new InvalidRequestException(pointer, message(date));
        }
        return date;
    }

    /** Every {@code LocalDate} request parameter: an ISO date within the range, else a 400 naming the parameter. */
    @InitBinder
    void boundDateParameters(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isBlank()) {
                    setValue(null);
                    return;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(text.strip());
                } catch (DateTimeException e) {
                    throw new OutOfRange("须为日期 YYYY-MM-DD must be a date YYYY-MM-DD, got \"" + text + "\"");
                }
                if (!holds(date)) {
                    throw new OutOfRange(message(date));
                }
                setValue(date);
            }
        });
    }
}
