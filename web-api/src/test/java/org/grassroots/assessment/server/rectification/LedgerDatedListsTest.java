package org.grassroots.assessment.server.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lists kept with a ledger as of a date: one derivation per key, the least recently used dropped. */
class LedgerDatedListsTest {

    private final AtomicInteger derived = new AtomicInteger();

    private List<LedgerItem> derive() {
        derived.incrementAndGet();
        return new ArrayList<>();
    }

    @Test
    void aKeyIsDerivedOnceAndTheLeastRecentlyUsedIsDropped() {
        LedgerSnapshot.Dated dated = new LedgerSnapshot.Dated(List.of(), List.of());
        List<LedgerItem> first = dated.list("a", this::derive);
        assertThat(dated.list("a", this::derive)).isSameAs(first);
        assertThat(derived).hasValue(1);
        assertThatThrownBy(() -> first.add(null)).isInstanceOf(UnsupportedOperationException.class);

        for (int i = 1; i < LedgerSnapshot.KEPT_LISTS; i++) {
            dated.list("k" + i, this::derive);
        }
        assertThat(derived).hasValue(LedgerSnapshot.KEPT_LISTS);
        dated.list("a", this::derive); // used again: "k1" is now the least recently used
        dated.list("new", this::derive);
        assertThat(derived).hasValue(LedgerSnapshot.KEPT_LISTS + 1);
        assertThat(dated.list("a", this::derive)).isSameAs(first);
        dated.list("k1", this::derive);
        assertThat(derived).as("k1 was dropped and derived again").hasValue(LedgerSnapshot.KEPT_LISTS + 2);
    }

    @Test
    void anotherDateStartsWithoutTheLists() {
        LedgerSnapshot.Dated one = new LedgerSnapshot.Dated(List.of(), List.of());
        LedgerSnapshot.Dated other = new LedgerSnapshot.Dated(List.of(), List.of());
        one.list("a", this::derive);
        other.list("a", this::derive);
        assertThat(derived).hasValue(2);
    }
}
