package org.grassroots.assessment.evaluation;

/**
 * A fact of an organization's period facts that may still move before the period ends (inserted by
 * an UP rule): the field {@code fact} may go from its {@code current} value towards {@code reach}
 * (up or down) in steps of {@code step}. Booleans are 0 and 1. (Not "from"/"to": a rule may name
 * these members, and {@code from} would also reach the JDK's {@code LocalDate.from}.)
 */
public record UpgradeLever(String orgCode, String rule, String fact, double current, double reach, double step)
        implements OrgScoped {

    public UpgradeLever {
        if (step <= 0) {
            throw new IllegalArgumentException("an upgrade lever's step must be positive: " + step);
        }
    }

    /** How many steps lie between {@code current} and {@code reach} (at least 0). */
    public int steps() {
        return (int) Math.floor(Math.abs(reach - current) / step + 1e-9);
    }

    /** The value {@code k} steps from {@code current} towards {@code reach}; {@link #steps()} gives {@code reach}. */
    public double valueAt(int k) {
        if (k >= steps()) {
            return reach;
        }
        // to a millionth: 0.5 + 13 × 0.01 is 0.63, not 0.6300000000000001
        return Math.round((current + Math.signum(reach - current) * step * k) * 1e6) / 1e6;
    }
}
