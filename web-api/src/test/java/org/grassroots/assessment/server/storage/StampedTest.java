package org.grassroots.assessment.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A stamped value is read again when its stamp changes, kept while it holds, and never mixed up. */
class StampedTest {

    /** A stored "table": its version is the stamp, its content a list that a write replaces. */
    private final AtomicLong version = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final Stamped<Long, String> stamped = new Stamped<>(version::get, stamp -> {
        reads.incrementAndGet();
        return "v" + version.get();
    });

    @Test
    void keepsTheValueWhileTheStampHolds() {
        assertThat(stamped.get()).isEqualTo("v0");
        assertThat(stamped.get()).isEqualTo("v0");
        assertThat(stamped.held()).isEqualTo(new Stamped.Held<>(0L, "v0"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void readsAgainWhenTheStampChanges() {
        assertThat(stamped.get()).isEqualTo("v0");
        version.set(3);
        assertThat(stamped.get()).isEqualTo("v3");
        assertThat(reads).hasValue(2);
        assertThat(stamped.get()).isEqualTo("v3");
        assertThat(reads).hasValue(2);
        // any other stamp, an older one too, reads again (a stamp is compared, not ordered)
        version.set(1);
        assertThat(stamped.get()).isEqualTo("v1");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aStampReadByTheCallerIsNotReadAgain() {
        AtomicInteger stampReads = new AtomicInteger();
        Stamped<Long, String> counted = new Stamped<>(() -> {
            stampReads.incrementAndGet();
            return version.get();
        }, stamp -> "v" + stamp);
        assertThat(counted.held(7L)).isEqualTo(new Stamped.Held<>(7L, "v7"));
        assertThat(counted.held(7L).value()).isEqualTo("v7");
        assertThat(stampReads).hasValue(0);
        assertThat(counted.get()).isEqualTo("v0");
        assertThat(stampReads).hasValue(1);
    }

    @Test
    void aValueWrittenAfterItsStampIsReadAgainUnderTheNextStamp() {
        // the write lands between the stamp and the read: the newer value is kept under the older stamp
        Stamped<Long, String> racing = new Stamped<>(version::get, stamp -> {
            version.incrementAndGet();
            return "v" + version.get();
        });
        assertThat(racing.held()).isEqualTo(new Stamped.Held<>(0L, "v1"));
        assertThat(racing.held()).as("the next use's stamp no longer matches").isEqualTo(new Stamped.Held<>(1L, "v2"));
    }

    @Test
    void concurrentCallersEachSeeAValueReadAtOrAfterTheirStamp() throws Exception {
        int callers = 8;
        int calls = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(callers + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int i = 0; i < calls; i++) {
                    version.incrementAndGet();
                    Thread.yield();
                }
                return null;
            });
            List<Future<List<String>>> seen = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                seen.add(pool.submit(() -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        long before = version.get();
                        Stamped.Held<Long, String> held = stamped.held();
                        long value = Long.parseLong(held.value().substring(1));
                        // the value is read after its stamp, and that stamp after the caller's own look
                        if (held.stamp() < before || value < held.stamp()) {
                            wrong.add(before + " -> " + held);
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            writer.get(30, TimeUnit.SECONDS);
            for (Future<List<String>> f : seen) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEmpty();
            }
            // once the writes stop, every caller sees the last value, read once more at most
            int readsBefore = reads.get();
            assertThat(stamped.get()).isEqualTo("v" + calls);
            assertThat(stamped.get()).isEqualTo("v" + calls);
            assertThat(reads.get() - readsBefore).isLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
