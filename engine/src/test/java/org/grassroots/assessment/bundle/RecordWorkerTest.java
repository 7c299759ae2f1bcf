package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RecordWorkerTest {

    @Test
    void without_a_worker_each_task_runs_at_once_on_the_calling_thread() {
        List<Thread> ran = new ArrayList<>();
        try (RecordWorker worker = new RecordWorker(false)) {
            worker.submit(() -> ran.add(Thread.currentThread()));
            assertThat(ran).containsExactly(Thread.currentThread());
            worker.drain();
        }
    }

    @Test
    void a_worker_runs_every_task_in_submission_order_on_one_daemon_thread() {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        int tasks = 256 * 9 + 17;   // more chunks than may wait, and a partial last one
        try (RecordWorker worker = new RecordWorker(true)) {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                worker.submit(() -> {
                    order.add(n);
                    threads.add(Thread.currentThread());
                });
            }
            worker.drain();
            assertThat(order).hasSize(tasks);
            for (int i = 0; i < tasks; i++) {
                assertThat(order.get(i)).isEqualTo(i);
            }
        }
        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t).isNotEqualTo(Thread.currentThread());
            assertThat(t.getName()).isEqualTo("bundle-records");
            assertThat(t.isDaemon()).isTrue();
        });
    }

    @Test
    void tasks_of_a_partial_chunk_wait_for_drain() throws InterruptedException {
        AtomicBoolean ran = new AtomicBoolean();
        try (RecordWorker worker = new RecordWorker(true)) {
            worker.submit(() -> ran.set(true));
            Thread.sleep(100);
            assertThat(ran).isFalse();
            worker.drain();
            assertThat(ran).isTrue();
        }
    }

    @Test
    void drain_throws_what_a_task_threw() {
        try (RecordWorker worker = new RecordWorker(true)) {
            worker.submit(() -> {
                throw new IllegalArgumentException("bad record");
            });
            assertThatThrownBy(worker::drain).isInstanceOf(IllegalArgumentException.class).hasMessage("bad record");
        }
        try (RecordWorker worker = new RecordWorker(true)) {
            worker.submit(() -> {
                throw new StackOverflowError("deep");
            });
            assertThatThrownBy(worker::drain).isInstanceOf(StackOverflowError.class).hasMessage("deep");
        }
    }

    @Test
    void close_returns_only_once_a_running_task_has_finished() {
        AtomicBoolean finished = new AtomicBoolean();
        RecordWorker worker = new RecordWorker(true);
        worker.submit(() -> {
            long until = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();     // deaf to the interrupt, as a task writing a file would be
            }
            finished.set(true);
        });
        for (int i = 1; i < 256; i++) {
            worker.submit(() -> { });   // the chunk is full: it goes to the worker
        }
        worker.close();
        assertThat(finished).isTrue();
    }

    @Test
    void on_a_machine_with_more_than_one_processor_the_worker_is_another_thread() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        try (RecordWorker worker = RecordWorker.forThisMachine()) {
            worker.submit(() -> threads.add(Thread.currentThread()));
            worker.drain();
        }
        assertThat(threads).singleElement().isNotEqualTo(Thread.currentThread());
    }
}
