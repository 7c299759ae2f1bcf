package org.grassroots.assessment.server.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.MemberRecord;
import org.junit.jupiter.api.Test;

/** A roll gives back every record as it was put in, by memberId; a damaged one is refused, not misread. */
class MemberRollTest {

    @Test
    void every_value_comes_back_as_written_by_member_id() {
        List<MemberRecord> members = List.of(
                new MemberRecord("V-2-10", "V-2", "2026", true, 0.1, Appraisal.EXCELLENT, 3, 2, 0.95, 88.0, false),
                new MemberRecord("V-2-09", "V-2", "2026", false, 1234567.89, Appraisal.BASICALLY_COMPETENT, 0, 0, 1.0,
                        Double.MIN_VALUE, true),
                new MemberRecord("V-2-A\"\\", "V-2", "2026", false, 1e-7, Appraisal.INCOMPETENT, Integer.MAX_VALUE, 1, 0,
                        99.99999999999999, false),
                new MemberRecord("V-2-党员", "V-2", "2026", false, 12.5, Appraisal.COMPETENT, 0, 7, 0.3333333333333333,
                        0.0, true));

        String roll = MemberRoll.write(members);

        assertThat(MemberRoll.read(roll, "V-2", "2026")).containsExactly(members.get(1), members.get(0), members.get(2),
                members.get(3));
        assertThat(MemberRoll.ids(roll)).containsExactly("V-2-09", "V-2-10", "V-2-A\"\\", "V-2-党员");
        assertThat(MemberRoll.read(MemberRoll.write(List.of()), "V-2", "2026")).isEmpty();
    }

    @Test
    void random_doubles_round_trip() {
        Random random = new Random(17);
        List<MemberRecord> members = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            members.add(new MemberRecord(String.format("M%05d", i), "O", "2025", random.nextBoolean(),
                    random.nextDouble() * 1000, Appraisal.values()[random.nextInt(Appraisal.values().length)],
                    random.nextInt(50), random.nextInt(50), random.nextDouble(), Math.round(random.nextDouble() * 1000) / 10.0,
                    random.nextBoolean()));
        }

        assertThat(MemberRoll.read(MemberRoll.write(members), "O", "2025")).isEqualTo(members);
    }

    @Test
    void a_roll_not_as_written_is_refused() {
        assertThatThrownBy(() -> MemberRoll.read("[[\"M1\",false,\"12\",\"COMPETENT\",0,0,1.0,80.0,false]]", "O", "2026"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a number expected, VALUE_STRING found");
        assertThatThrownBy(() -> MemberRoll.read("[[\"M1\",false,12,\"COMPETENT\",0,0,1.0,80.0,false,1]]", "O", "2026"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("END_ARRAY expected");
        assertThatThrownBy(() -> MemberRoll.read("[[\"M1\",0,12,\"COMPETENT\",0,0,1.0,80.0,false]]", "O", "2026"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a boolean expected");
        assertThatThrownBy(() -> MemberRoll.ids("[[\"M1\",[false]]]")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a value expected, START_ARRAY found");
        assertThatThrownBy(() -> MemberRoll.ids("{\"M1\":1}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("START_ARRAY expected, START_OBJECT found");
    }
}
