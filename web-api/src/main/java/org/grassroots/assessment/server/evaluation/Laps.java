package org.grassroots.assessment.server.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Named durations of the phases of one piece of work, for the log ("read 812 ms, evaluated …"). */
final class Laps {

    private final List<String> laps = new ArrayList<>();
    private long last = System.nanoTime();

    /** Ends the current phase under this name. */
    synchronized void lap(String name) {
        long now = System.nanoTime();
        laps.add(name + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    @Override
    public synchronized String toString() {
        return String.join(", ", laps);
    }
}
