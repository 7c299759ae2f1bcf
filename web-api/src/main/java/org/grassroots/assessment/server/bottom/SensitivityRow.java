package org.grassroots.assessment.server.bottom;

import java.time.Instant;

/**
 * One constant of the evaluation's rule set moved by {@code stepPercent} (+10 or −10): from
 * {@code valueBefore} to {@code valueAfter}, {@code tierChanged} organizations get another tier and
 * {@code cutOffCrossed} enter or leave the reverse-ranked list (倒排), against the same data
 * evaluated with the unmoved rules.
 */
public record SensitivityRow(String file, String rule, String constant, int stepPercent, String valueBefore,
        String valueAfter, int tierChanged, int cutOffCrossed, Instant computedAt) {
}
