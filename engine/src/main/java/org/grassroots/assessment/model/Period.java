package org.grassroots.assessment.model;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An assessment period: a year {@code YYYY} or a quarter {@code YYYY-Qn} (policy section 0). */
public record Period(int year, int quarter) implements Comparable<Period> {

    /** The years the system works with: of periods, and of every date it reads (the server's checks too). */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})(?:-Q([1-4]))?$");

    public Period {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (quarter < 0 || quarter > 4) {
            throw new IllegalArgumentException("quarter out of range: " + quarter);
        }
    }

    /** Parses {@code 2026} or {@code 2026-Q3}; throws IllegalArgumentException otherwise. */
    public static Period parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("period must be YYYY or YYYY-Qn (n 1–4): " + text);
        }
        return new Period(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    public static boolean isValid(String text) {
        // what FORMAT matches, without a regex: a bundle checks one period per record
        if (text == null || text.length() != 4 && text.length() != 7) {
            return false;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            year = year * 10 + (c - '0');
        }
        if (text.length() == 7 && (text.charAt(4) != '-' || text.charAt(5) != 'Q' || text.charAt(6) < '1' || text.charAt(6) > '4')) {
            return false;
        }
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** Whether the date lies in the years the system works with ({@link #MIN_YEAR}–{@link #MAX_YEAR}). */
    public static boolean inRange(LocalDate date) {
        return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
    }

    public boolean isQuarter() {
        return quarter != 0;
    }

    public LocalDate start() {
        return isQuarter() ? LocalDate.of(year, 3 * quarter - 2, 1) : LocalDate.of(year, 1, 1);
    }

    public LocalDate end() {
        return isQuarter() ? start().plusMonths(3).minusDays(1) : LocalDate.of(year, 12, 31);
    }

    /** Months in the whole period: 12 for a year, 3 for a quarter. */
    public int months() {
        return isQuarter() ? 3 : 12;
    }

    /** Weeks in the whole period: 52 for a year, 13 for a quarter. */
    public int weeks() {
        return isQuarter() ? 13 : 52;
    }

    public Period previous() {
        if (!isQuarter()) {
            return new Period(year - 1, 0);
        }
        return quarter == 1 ? new Period(year - 1, 4) : new Period(year, quarter - 1);
    }

    @Override
    public int compareTo(Period o) {
        int c = Integer.compare(year, o.year);
        return c != 0 ? c : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return isQuarter() ? year + "-Q" + quarter : Integer.toString(year);
    }
}
