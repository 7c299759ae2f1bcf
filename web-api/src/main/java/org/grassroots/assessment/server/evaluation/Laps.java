package org.grassroots.assessment.server.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named durations of the phases of one piece of work, for the log ("read 812 ms, evaluated …"); a
 * phase run several times (once per batch of organizations) is summed, with how many times it ran.
 */
final class Laps {

    private final Map<String, long[]> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the current phase under this name. */
    synchronized void lap(String name) {
        long now = System.nanoTime();
        long[] lap = laps.computeIfAbsent(name, k -> new long[2]);
        lap[0] += now - last;
        lap[1]++;
        last = now;
    }

    @Override
    public synchronized String toString() {
        List<String> said = new ArrayList<>();
        laps.forEach((name, lap) -> said.add(name + " " + lap[0] / 1_000_000 + " ms" + (lap[1] > 1 ? " (×" + lap[1] + ")" : "")));
        return String.join(", ", said);
    }
}
