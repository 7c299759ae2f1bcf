package org.grassroots.assessment.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.fixtures.SyntheticBundleGenerator;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCostTest {

    @TempDir
    Path dir;

    @Test
    void leavesOutExactlyTheRulesWhoseNameStartsWithAMatch() {
        Map<String, String> files = Map.of("a.drl", """
                package p;
                rule "V-01 one"
                when
                then
                end

                rule "V-010 kept: the pattern is anchored at the start, not the whole name"
                when
                then
                end
                rule "XV-01 kept"
                when
                then
                end
                """);

        Map<String, String> left = RuleCost.without(files, Pattern.compile("V-01 "));

        assertThat(left.get("a.drl")).doesNotContain("V-01 one").contains("V-010 kept", "XV-01 kept", "package p;");
        assertThatThrownBy(() -> RuleCost.without(files, Pattern.compile("W-")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W-");
    }

    @Test
    void theShippedSetAndACommentedCopyGiveTheSameResultsAndALessenedSetOtherResults() throws Exception {
        Path same = dir.resolve("same");
        Files.createDirectories(same);
        for (Map.Entry<String, String> f : RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR).entrySet()) {
            // a comment changes the rule set's checksum (and version), not its results
            Files.writeString(same.resolve(f.getKey()), f.getValue() + (f.getKey().endsWith(".drl") ? "\n// copy\n" : ""));
        }
        BundleData data = new BundleData(new BundleReader().read(new ByteArrayInputStream(
                SyntheticBundleGenerator.bytes(60, SyntheticBundleGenerator.DEFAULT_SEED))));

        List<RuleCost.Measured> measured = RuleCost.measure(RuleCost.variants(List.of("V-0[0-5]"), List.of(same.toString())),
                data, Period.parse("2026"), LocalDate.of(2026, 12, 31), 2, 2);

        assertThat(measured).extracting(RuleCost.Measured::name)
                .containsExactly("shipped", "without V-0[0-5]", same.toString());
        RuleCost.Measured shipped = measured.get(0);
        assertThat(measured.get(2).digest()).isEqualTo(shipped.digest());
        assertThat(measured.get(1).digest()).isNotEqualTo(shipped.digest());
        assertThat(measured.get(1).rules()).isEqualTo(shipped.rules() - 6);
        assertThat(measured).allSatisfy(m -> {
            assertThat(m.cpuSeconds()).hasSize(1).allMatch(s -> s > 0);
            assertThat(m.wallSeconds()).hasSize(1).allMatch(s -> s > 0);
        });
        String report = RuleCost.report(measured, 2, 2);
        assertThat(report).contains("| shipped | " + shipped.rules() + " |", "| +0 % |", "same as shipped",
                "differ (" + measured.get(1).digest() + ")");
    }

    @Test
    void anUnknownOrAValuelessOptionIsRefused() {
        assertThat(RuleCost.options(new String[] {"--without", "C-ITEM", "--without", "V-0"}))
                .containsEntry("without", List.of("C-ITEM", "V-0"));
        assertThatThrownBy(() -> RuleCost.options(new String[] {"--withot", "C-ITEM"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --withot");
        assertThatThrownBy(() -> RuleCost.options(new String[] {"--bundle"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bundle has no value");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(BenchmarkMain.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(BenchmarkMain.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }
}
