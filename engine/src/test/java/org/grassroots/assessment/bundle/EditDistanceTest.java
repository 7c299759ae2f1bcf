package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void counts_insertions_deletions_and_substitutions_up_to_the_limit() {
        assertThat(EditDistance.between("name", "name", 2)).isZero();
        assertThat(EditDistance.between("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(EditDistance.between("ab", "abcd", 2)).isEqualTo(2);
        assertThat(EditDistance.between("abcd", "ab", 2)).isEqualTo(2);
        assertThat(EditDistance.between("", "ab", 2)).isEqualTo(2);
        assertThat(EditDistance.between("abc", "axc", 1)).isEqualTo(1);
    }

    @Test
    void beyond_the_limit_answers_the_limit_plus_one() {
        assertThat(EditDistance.between("ab", "abcde", 2)).isEqualTo(3);
        assertThat(EditDistance.between("kitten", "sitting", 2)).isEqualTo(3);
        assertThat(EditDistance.between("abcdef", "uvwxyz", 1)).isEqualTo(2);
    }
}
