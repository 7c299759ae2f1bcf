package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unknown field names, and the known name a typo most likely meant. */
class KnownFieldsTest {

    private final KnownFields known = KnownFields.of("orgCode", "name", "lat", "lon", "members", "newMembers");

    @Test
    void known_names_are_known() {
        assertThat(known.contains("orgCode")).isTrue();
        assertThat(known.contains("orgcode")).isFalse();
    }

    @Test
    void a_typo_is_answered_with_the_closest_name_case_ignored() {
        assertThat(known.unknownFieldMessage("orgcode")).isEqualTo("unknown field \"orgcode\" (did you mean \"orgCode\"?)");
        assertThat(known.unknownFieldMessage("nmae")).isEqualTo("unknown field \"nmae\" (did you mean \"name\"?)");
        assertThat(known.unknownFieldMessage("member")).isEqualTo("unknown field \"member\" (did you mean \"members\"?)");
    }

    @Test
    void on_equal_distance_the_name_sharing_more_letters_wins_and_the_first_stays_on_a_full_tie() {
        // "lng" is two edits from both "lat" and "lon", and shares two letters with "lon", one with "lat"
        assertThat(known.unknownFieldMessage("lng")).isEqualTo("unknown field \"lng\" (did you mean \"lon\"?)");
        // "la" is one edit from "lat" and two from "lon": the nearer wins even though both share the "l"
        assertThat(known.unknownFieldMessage("la")).isEqualTo("unknown field \"la\" (did you mean \"lat\"?)");
        // "lxx" is two edits from both and shares one letter with each: the first listed is kept
        assertThat(known.unknownFieldMessage("lxx")).isEqualTo("unknown field \"lxx\" (did you mean \"lat\"?)");
        // "lot" is one edit from both; it shares two letters with each ("l", "t" / "l", "o"): the first
        assertThat(known.unknownFieldMessage("lot")).isEqualTo("unknown field \"lot\" (did you mean \"lat\"?)");
    }

    @Test
    void a_name_further_than_a_third_of_its_length_gets_no_suggestion() {
        // 9 letters: 3 edits allowed; "newMemberz" is 1 from "newMembers", "xewMxmbxrs" is 3, "xxwMxmbxrs" 4
        assertThat(known.unknownFieldMessage("xewMxmbxrs")).endsWith("(did you mean \"newMembers\"?)");
        assertThat(known.unknownFieldMessage("xxwMxmbxrs")).isEqualTo("unknown field \"xxwMxmbxrs\"");
        // short names allow 2 edits
        assertThat(known.unknownFieldMessage("nxxe")).isEqualTo("unknown field \"nxxe\" (did you mean \"name\"?)");
        assertThat(known.unknownFieldMessage("xxxe")).isEqualTo("unknown field \"xxxe\"");
    }
}
