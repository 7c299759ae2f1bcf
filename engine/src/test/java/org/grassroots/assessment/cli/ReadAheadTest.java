package org.grassroots.assessment.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).as("the reading thread ended").isTrue();
    }

    private static <T> List<T> drain(Iterator<T> iterator) {
        List<T> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }

    @Test
    void gives_every_value_in_order_across_many_batches() {
        List<Integer> source = IntStream.range(0, 5_000).boxed().toList();

        assertThat(drain(new ReadAhead<>(source.iterator(), executor))).isEqualTo(source);
    }

    @Test
    void an_empty_source_gives_nothing() {
        ReadAhead<String> empty = new ReadAhead<>(List.<String>of().iterator(), executor);

        assertThat(empty.hasNext()).isFalse();
    }

    @Test
    void what_the_source_throws_comes_after_the_values_before_it() {
        Iterator<Integer> failing = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == 600) {
                    throw new UncheckedIOException(new IOException("disk gone"));
                }
                return next++;
            }
        };
        ReadAhead<Integer> ahead = new ReadAhead<>(failing, executor);
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> ahead.forEachRemaining(seen::add))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
        assertThat(seen).hasSize(512); // the full batches before the failure
    }

    @Test
    void a_reader_that_stops_early_lets_the_thread_end_when_interrupted() {
        Iterator<Integer> endless = IntStream.iterate(0, i -> i + 1).iterator();
        ReadAhead<Integer> ahead = new ReadAhead<>(endless, executor);

        assertThat(ahead.next()).isZero();
        // stop() shuts the executor down and checks that the thread, blocked on the full queue, ended
    }
}
