package org.grassroots.assessment.evaluation;

/**
 * A fact of an organization's period facts that may still move before the period ends (inserted by
 * an UP rule): the field {@code fact} may go from {@code from} towards {@code to} (up or down) in
 * steps of {@code step}. Booleans are 0 and 1.
 */
public record UpgradeLever(String orgCode, String rule, String fact, double from, double to, double step)
        implements OrgScoped {

    public UpgradeLever {
        if (step <= 0) {
            throw new IllegalArgumentException("an upgrade lever's step must be positive: " + step);
        }
    }

    /** How many steps lie between {@code from} and {@code to} (at least 0). */
    public int steps() {
        return (int) Math.floor(Math.abs(to - from) / step + 1e-9);
    }

    /** The value {@code k} steps from {@code from} towards {@code to}; {@link #steps()} gives {@code to}. */
    public double valueAt(int k) {
        if (k >= steps()) {
            return to;
        }
        return from + Math.signum(to - from) * step * k;
    }
}
