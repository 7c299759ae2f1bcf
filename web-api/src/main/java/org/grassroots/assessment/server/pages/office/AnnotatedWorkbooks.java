package org.grassroots.assessment.server.pages.office;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Annotated workbooks of refused imports, kept for the one who uploaded them so that the page can
 * offer the download without the file being chosen again: in memory, for an hour, at most
 * {@link #KEPT} at a time (the oldest go first), each under a random id that only its owner can
 * open. Kept by the instance that refused the upload: behind a load balancer without sticky
 * sessions the link may 404 on another instance (the problems are listed on the page all the same).
 */
@Component
class AnnotatedWorkbooks {

    static final int KEPT = 20;
    static final Duration KEPT_FOR = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Kept(String owner, String name, byte[] content, Instant at) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>();
    private final Clock clock;

    AnnotatedWorkbooks(Clock clock) {
        this.clock = clock;
    }

    synchronized String keep(String owner, String name, byte[] content) {
        purge();
        while (kept.size() >= KEPT) {
            kept.remove(kept.keySet().iterator().next());
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        kept.put(id, new Kept(owner, name, content, clock.instant()));
        return id;
    }

    /** The workbook kept under the id for this owner; empty for anyone else, an unknown id or an expired one. */
    synchronized Optional<Kept> find(String id, String owner) {
        purge();
        Kept k = kept.get(id);
        return k != null && k.owner().equals(owner) ? Optional.of(k) : Optional.empty();
    }

    private void purge() {
        Instant oldest = clock.instant().minus(KEPT_FOR);
        kept.values().removeIf(k -> k.at().isBefore(oldest));
    }
}
