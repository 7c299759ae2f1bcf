package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompactKeysTest {

    @Test
    void answers_what_a_hash_map_of_the_same_keys_answers() {
        // more keys than one 1 MiB page holds (so several pages), the table doubled many times
        CompactKeys keys = new CompactKeys();
        Map<String, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 30_000; i++) {
            String org = "440102" + String.format("%06d", random.nextInt(10_000));
            String period = random.nextBoolean() ? "2026" : "2025-Q" + (1 + random.nextInt(4));
            Integer before = expected.putIfAbsent(org + "\0" + period, i);
            assertThat(keys.putIfAbsent(org, period, i)).isEqualTo(before == null ? -1 : before);
        }
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            String[] parts = e.getKey().split("\0");
            assertThat(keys.contains(parts[0], parts[1])).isTrue();
            assertThat(keys.putIfAbsent(parts[0], parts[1], -5)).isEqualTo(e.getValue());
        }
        for (int i = 0; i < 2_000; i++) {
            String org = "440103" + String.format("%06d", random.nextInt(10_000));
            assertThat(keys.contains(org, "2026")).isFalse();
        }
    }

    @Test
    void sequential_codes_are_told_apart_and_found_quickly() {
        // codes that differ in their last characters only, as a district's are; a table that put them
        // in few slots would take quadratic time here
        CompactKeys keys = new CompactKeys();
        int added = 0;
        for (int i = 0; i < 150_000; i++) {
            added += keys.putIfAbsent("m" + i, "2026", i) == -1 ? 1 : 0;
        }
        assertThat(added).isEqualTo(150_000);
        for (int i = 0; i < 150_000; i += 997) {
            assertThat(keys.putIfAbsent("m" + i, "2026", 0)).isEqualTo(i);
            assertThat(keys.contains("m" + i, "2025")).isFalse();
        }
    }

    @Test
    void the_two_parts_are_kept_apart() {
        CompactKeys keys = new CompactKeys();
        assertThat(keys.putIfAbsent("ab", "c", 1)).isEqualTo(-1);
        assertThat(keys.contains("a", "bc")).isFalse();
        assertThat(keys.putIfAbsent("a", "bc", 2)).isEqualTo(-1);
        assertThat(keys.contains("ab", "")).isFalse();
        assertThat(keys.contains("ab", "cd")).isFalse();
        assertThat(keys.putIfAbsent("ab", "cd", 3)).isEqualTo(-1);
        assertThat(keys.putIfAbsent("ab", "c", 9)).isEqualTo(1);
        assertThat(keys.putIfAbsent("a", "bc", 9)).isEqualTo(2);
        assertThat(keys.putIfAbsent("ab", "cd", 9)).isEqualTo(3);
        assertThat(keys.putIfAbsent("", "", 4)).isEqualTo(-1);
        assertThat(keys.contains("", "")).isTrue();
    }

    @Test
    void keys_of_up_to_255_bytes_are_taken_and_longer_or_non_ascii_ones_refused() {
        CompactKeys keys = new CompactKeys();
        String first = "x".repeat(250);
        String longest = "abcd";                        // 250 + 1 + 4 = 255 bytes
        assertThat(keys.putIfAbsent(first, longest, 5)).isEqualTo(-1);
        assertThat(keys.contains(first, longest)).isTrue();
        assertThat(keys.putIfAbsent(first, longest, 6)).isEqualTo(5);
        assertThat(keys.contains(first, "abc")).isFalse();
        assertThatThrownBy(() -> keys.putIfAbsent(first, "abcde", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a short ASCII key");
        assertThat(keys.contains(first, "abcde")).isFalse();
        assertThatThrownBy(() -> keys.putIfAbsent("党员", "2026", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.putIfAbsent("m1", "2026\u0080", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.putIfAbsent("m\0", "2026", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.contains("党员", "2026")).isFalse();
        assertThat(keys.putIfAbsent("m\u007f", "2026", 8)).isEqualTo(-1);
        assertThat(keys.contains("m\u007f", "2026")).isTrue();
    }

    @Test
    void keys_that_fill_a_page_to_its_end_stay_whole() {
        // 255-byte keys: 4,096 bytes short of a page each time, so keys land at a page's very end
        CompactKeys keys = new CompactKeys();
        int n = 3 * (1 << 20) / 256 + 10;
        String pad = "k".repeat(240);
        int added = 0;
        for (int i = 0; i < n; i++) {
            added += keys.putIfAbsent(pad, String.format("%010d", i) + "-ppp", i) == -1 ? 1 : 0;
        }
        assertThat(added).isEqualTo(n);
        int found = 0;
        for (int i = 0; i < n; i++) {
            found += keys.putIfAbsent(pad, String.format("%010d", i) + "-ppp", -1) == i ? 1 : 0;
        }
        assertThat(found).isEqualTo(n);
        assertThat(keys.contains(pad, String.format("%010d", n) + "-ppp")).isFalse();
    }
}
