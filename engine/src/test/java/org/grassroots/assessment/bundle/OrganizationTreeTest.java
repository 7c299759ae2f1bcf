package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationTreeTest {

    @Test
    void cycle_members_come_in_bundle_order_whatever_order_the_walk_meets_them() {
        OrganizationTree tree = new OrganizationTree(StoredRecords.NONE);
        tree.add(0, "T", "C2");      // the walk from T meets C2 first, then C1
        tree.add(1, "C1", "C2");
        tree.add(2, "C2", "C1");
        tree.add(3, "R", null);
        assertThat(tree.cycles()).containsExactly(
                new OrganizationTree.CycleMember(1, List.of("C1", "C2", "C1")),
                new OrganizationTree.CycleMember(2, List.of("C2", "C1", "C2")));
    }

    @Test
    void a_later_record_of_the_same_code_is_not_added() {
        OrganizationTree tree = new OrganizationTree(StoredRecords.NONE);
        assertThat(tree.add(4, "A", null)).isEqualTo(-1);
        assertThat(tree.add(7, "A", "B")).isEqualTo(4);
        assertThat(tree.isKnown("A")).isTrue();
        assertThat(tree.isKnown("B")).isFalse();
        assertThat(tree.cycles()).isEmpty();
    }
}
