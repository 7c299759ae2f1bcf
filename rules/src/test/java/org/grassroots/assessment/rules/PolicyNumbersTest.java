package org.grassroots.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.evaluation.AssessmentData;
import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ExplanationLine;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Rounding;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.ruleset.RuleSet;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.ruleset.RuleSetValidator;
import org.grassroots.assessment.ruleset.RuleSetValidator.Declaration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every explanation agrees with its numbers (issue 14, defect 1: after CB-05's 25 became 30 the
 * line still read "× 25%"). The shipped rules state each policy number once, as the convention of
 * 00-catalog.drl says: a {@code final int|double NAME = N;} in the consequence, or
 * {@code Number( $NAME : doubleValue ) from N} in the conditions. For every such number of a rule
 * that writes a reason (an explanation line, a title, a flag, a weak trigger's situation), this
 * test changes it in the rule text, compiles the set as the system does ({@link RuleSet#compile},
 * fence included), evaluates small bundles that make each branch fire, and checks that the rule's
 * changed reasons show the new number where they showed the old one, and the old one nowhere that
 * came from it. A reason that wrote the number as text, or a second copy of it, fails here.
 */
class PolicyNumbersTest {

    /** {@code final double WEIGHT = 25;} in a consequence. */
    private static final Pattern LOCAL = Pattern.compile("final\\s+(int|double)\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*(\\d+(?:\\.\\d+)?)\\s*;");
    /** {@code Number( $MIN_FORCE : doubleValue ) from 85} in the conditions. */
    private static final Pattern BOUND = Pattern.compile("Number\\(\\s*\\$([A-Z][A-Z0-9_]*)\\s*:\\s*doubleValue\\s*\\)\\s*from\\s+(\\d+(?:\\.\\d+)?)");
    /** What makes a rule write a reason. */
    private static final Pattern WRITES_REASON = Pattern.compile("new\\s+(Line|OrgTitleAward|OrgFlag|WeakTrigger)\\s*\\(");
    /** The title or flag a rule awards, the key of its reason. */
    private static final Pattern AWARD = Pattern.compile("\\b(?:OrgTitle|Flag)\\.([A-Z_]+)");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern CODE_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}_$.])\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}_.])");
    /**
     * Numbers a reason-writing consequence may hold as literals: 0 and 1 (nothing, one, counts of
     * true flags), 12 (months of a year, for proration), 100 (per cent) and 99 (a whole-number
     * ceiling, (k × n + 99) / 100). None is a policy number.
     */
    private static final Set<String> UNIT_LITERALS = Set.of("0", "1", "12", "99", "100");
    /** "达标 3/4 项": the number of items a rule lists (4 "four unified" elements, 5 integration items). */
    private static final Pattern ITEM_COUNT = Pattern.compile("/\\d+ 项");
    /** A rule id written as a string ({@code "CB-05"}), not a number. */
    private static final Pattern RULE_ID = Pattern.compile("\"[A-Z]{1,2}-[A-Z0-9]+\"");

    /** A policy number as written: where, in which rule, its name and its literal (at [start, end) of the file). */
    record PolicyNumber(String file, int line, String rule, String name, boolean integer, String literal, int start, int end) {

        String id() {
            return RuleSetValidator.policyId(rule);
        }

        /** Another value for it: + 0.37 keeps it unlike any number of the bundles; ints + 3. */
        String changed() {
            return integer ? String.valueOf(Integer.parseInt(literal) + 3)
                    : new BigDecimal(literal).add(new BigDecimal("0.37")).toPlainString();
        }

        @Override
        public String toString() {
            return name + " = " + literal + " of \"" + rule + "\" (" + file + ":" + line + ")";
        }
    }

    /** A rule as written: its declaration, conditions and consequence. */
    record RuleText(Declaration declaration, int start, String conditions, String consequence) {
    }

    private static Map<String, String> files;
    private static Map<String, RuleText> rules;
    private static List<Bundle> bundles;

    /** A bundle evaluated for a period as of a date. */
    record Bundle(String name, AssessmentData data, String period, String asOf) {
    }

    @BeforeAll
    static void read() throws Exception {
        files = new TreeMap<>(RuleSetLoader.readClasspath(RuleSetLoader.DEFAULT_RESOURCE_DIR));
        rules = rules(files);
        bundles = List.of(
                new Bundle("worked example", resourceData("fixtures/worked-example.json"), "2026", "2026-12-31"),
                new Bundle("worked example mid-year", resourceData("fixtures/worked-example.json"), "2026", "2026-07-15"),
                new Bundle("demo weak villages",
                        resourceData(RuleSetLoader.DEFAULT_RESOURCE_DIR + "/scenarios/demo-weak-villages.json"), "2026", "2026-12-31"),
                new Bundle("every branch", everyBranch().data(), "2026", "2026-12-31"));
    }

    private static AssessmentData resourceData(String name) throws Exception {
        try (InputStream in = PolicyNumbersTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new BundleData(new BundleReader().read(in));
        }
    }

    /** Organizations for the branches the shipped bundles do not reach, and 25 communities for R-02. */
    private static PolicyHarness everyBranch() {
        PolicyHarness h = new PolicyHarness();
        h.org("B-CITY", OrgType.VILLAGE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.CITY;
            return f;
        });
        h.org("B-DISTRICT", OrgType.VILLAGE, "2026", f -> {
            f.demonstrationLevel = DemonstrationLevel.DISTRICT;
            f.collectiveIncomeYuan = 80000;
            return f;
        });
        h.org("B-RECENT", OrgType.COMMUNITY, "2026", f -> {
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 1;
            f.floatingMembers = 4;
            f.floatingMembersInContact = 3;
            return f;
        });
        h.org("B-STALLED", OrgType.ORGAN, "2026", f -> {
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 4;
            f.disciplineCasesLeadership = 1;
            f.disciplineCasesMembers = 2;
            f.disputesUnresolved = 1;
            f.petitionsRepeated = 1;
            return f;
        });
        h.org("B-ENTERPRISE", OrgType.ENTERPRISE, "2026");
        h.org("B-LOW", OrgType.ENTERPRISE, "2026", f -> {
            f.secretaryVacantMonths = 3;
            f.newMembers = 0;
            f.yearsSinceLastNewMember = 5;
            f.disputesUnresolved = 5;
            f.studyAttendanceRate = 0.2;
            f.massSatisfaction = 0.2;
            f.volunteerActivities = 0;
            f.committeeMeetings = 2;
            f.themePartyDays = 2;
            f.partyLectures = 0;
            f.branchGeneralMeetings = 0;
            f.committeeSeatsFilled = 1;
            return f;
        });
        for (int i = 1; i <= 25; i++) {
            double rate = 0.5 + i * 0.02;
            h.org(String.format("B-C%02d", i), OrgType.COMMUNITY, "2026", f -> {
                f.studyAttendanceRate = rate;
                return f;
            });
        }
        return h;
    }

    /** The rules of the set by name, with their conditions and consequence as written. */
    private static Map<String, RuleText> rules(Map<String, String> files) {
        Map<String, RuleText> out = new LinkedHashMap<>();
        for (Declaration d : RuleSetValidator.declarations(files)) {
            String text = files.get(d.file());
            int start = offsetOfLine(text, d.line());
            Matcher end = Pattern.compile("(?m)^end\\s*$").matcher(text);
            int stop = end.find(start) ? end.start() : text.length();
            String body = text.substring(start, stop);
            Matcher then = Pattern.compile("(?m)^then\\s*$").matcher(body);
            int split = then.find() ? then.end() : body.length();
            out.put(d.name(), new RuleText(d, start, body.substring(0, split), body.substring(split)));
        }
        return out;
    }

    private static int offsetOfLine(String text, int line) {
        int at = 0;
        for (int i = 1; i < line; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }

    private static boolean writesReason(RuleText r) {
        return WRITES_REASON.matcher(r.consequence()).find();
    }

    /** The policy numbers declared by the rules that write a reason, in file order. */
    private static List<PolicyNumber> declaredNumbers() {
        List<PolicyNumber> out = new ArrayList<>();
        for (RuleText r : rules.values()) {
            if (!writesReason(r)) {
                continue;
            }
            String file = r.declaration().file();
            String text = files.get(file);
            int consequenceStart = r.start() + r.conditions().length();
            Matcher bound = BOUND.matcher(r.conditions());
            while (bound.find()) {
                int at = r.start() + bound.start(2);
                out.add(new PolicyNumber(file, lineOf(text, at), r.declaration().name(), "$" + bound.group(1), false,
                        bound.group(2), at, r.start() + bound.end(2)));
            }
            Matcher local = LOCAL.matcher(r.consequence());
            while (local.find()) {
                int at = consequenceStart + local.start(3);
                out.add(new PolicyNumber(file, lineOf(text, at), r.declaration().name(), local.group(2),
                        local.group(1).equals("int"), local.group(3), at, consequenceStart + local.end(3)));
            }
        }
        return out;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    // ------------------------------------------------------------------------------------ the text

    @Test
    void every_number_a_reason_writing_rule_uses_is_declared_once_and_no_reason_writes_one() {
        List<String> problems = new ArrayList<>();
        for (RuleText r : rules.values()) {
            if (!writesReason(r)) {
                continue;
            }
            String where = r.declaration().file() + ":" + r.declaration().line() + " \"" + r.declaration().name() + "\"";
            String code = r.consequence().replaceAll("//[^\n]*", "");
            Matcher s = STRING.matcher(code);
            while (s.find()) {
                if (RULE_ID.matcher(s.group()).matches()) {
                    continue;
                }
                String digits = ITEM_COUNT.matcher(s.group()).replaceAll("");
                Matcher n = CODE_NUMBER.matcher(digits);
                while (n.find()) {
                    if (!n.group().equals("0")) {
                        problems.add(where + ": the reason writes the number " + n.group() + " as text " + s.group());
                    }
                }
            }
            String withoutStrings = LOCAL.matcher(STRING.matcher(code).replaceAll("\"\"")).replaceAll("");
            Matcher n = CODE_NUMBER.matcher(withoutStrings);
            while (n.find()) {
                if (!UNIT_LITERALS.contains(n.group())) {
                    problems.add(where + ": the number " + n.group() + " is not declared (final double NAME = " + n.group() + ";)");
                }
            }
            Set<String> names = new LinkedHashSet<>();
            Matcher local = LOCAL.matcher(code);
            while (local.find()) {
                if (!names.add(local.group(2))) {
                    problems.add(where + ": " + local.group(2) + " is declared twice");
                }
            }
        }
        assertThat(problems).as("policy numbers written more than once or as text").isEmpty();
    }

    @Test
    void the_convention_finds_the_numbers_of_every_scoring_rule() {
        List<PolicyNumber> numbers = declaredNumbers();
        assertThat(numbers).extracting(PolicyNumber::id).contains("CO-01", "CO-02", "CO-03", "CO-04", "CH-01", "CH-02",
                "CH-03", "CH-04", "CB-01", "CB-02", "CB-03", "CB-04", "CB-05", "CB-06", "CB-07", "P-01", "P-02", "T-01",
                "W-11", "R-02");
        assertThat(numbers).filteredOn(n -> n.rule().startsWith("CB-05 inspection score"))
                .singleElement().satisfies(n -> assertThat(n.literal()).isEqualTo("25"));
    }

    // ------------------------------------------------------------------------------ the behaviour

    /** One explanation of an organization: an explanation line's points and reason, or a trigger's, title's or flag's reason. */
    record Shown(Double points, String text) {
    }

    /** Everything a set explains for the bundles: bundle|org|line:RULE or bundle|org|reason:KEY → what it shows. */
    private static Map<String, Shown> explanations(RuleSet set) {
        Map<String, Shown> out = new TreeMap<>();
        for (Bundle b : bundles) {
            EvaluationResult result = new Evaluator(set).evaluate(b.data(), Period.parse(b.period()), LocalDate.parse(b.asOf()));
            for (OrganizationResult o : result.organizations()) {
                String prefix = b.name() + "|" + o.code() + "|";
                for (ExplanationLine l : o.explanation()) {
                    Shown before = out.put(prefix + "line:" + l.rule(), new Shown(l.points(), l.reason()));
                    assertThat(before).as("one line per rule id and organization: %s%s", prefix, l.rule()).isNull();
                }
                o.reasons().forEach((key, reason) -> out.put(prefix + "reason:" + key, new Shown(null, reason)));
            }
        }
        return out;
    }

    /** The keys of a rule's own explanations: its lines, its trigger, its titles and flags. */
    private static Set<String> ownKeys(PolicyNumber n) {
        Set<String> keys = new LinkedHashSet<>(List.of("line:" + n.id(), "reason:" + n.id()));
        Matcher m = AWARD.matcher(rules.get(n.rule()).consequence());
        while (m.find()) {
            keys.add("reason:" + m.group(1));
        }
        return keys;
    }

    /** A number as a reason shows it, standing alone ("25" in "× 25%", not in "125" or "2.5"). */
    private static Pattern token(String literal) {
        String shown = Rounding.num(Double.parseDouble(literal));
        return Pattern.compile("(?<![0-9.])" + Pattern.quote(shown) + "(?![0-9]|\\.[0-9])");
    }

    @Test
    void changing_any_policy_number_changes_the_reasons_that_show_it() throws Exception {
        Map<String, Shown> baseline = explanations(RuleSet.compile(files));
        List<PolicyNumber> numbers = declaredNumbers();
        assertThat(numbers).hasSizeGreaterThan(30);
        List<String> problems = new ArrayList<>();
        for (PolicyNumber n : numbers) {
            String text = files.get(n.file());
            Map<String, String> changedFiles = new TreeMap<>(files);
            changedFiles.put(n.file(), text.substring(0, n.start()) + n.changed() + text.substring(n.end()));
            Map<String, Shown> changed = explanations(RuleSet.compile(changedFiles));
            problems.addAll(check(n, baseline, changed));
        }
        assertThat(problems).as("explanations that do not follow their numbers").isEmpty();
    }

    @Test
    void cb05_shows_the_covert_weight_that_c_visit_gave_the_visits() throws Exception {
        // the weight lives in C-VISIT, which writes no reason; CB-05's reason reads it from the visit scores
        Map<String, String> changedFiles = new TreeMap<>(files);
        String inspection = files.get("20-inspection.drl");
        changedFiles.put("20-inspection.drl", inspection.replace("final double COVERT_WEIGHT = 2;", "final double COVERT_WEIGHT = 3;"));
        assertThat(changedFiles.get("20-inspection.drl")).isNotEqualTo(inspection);

        Map<String, Shown> before = explanations(RuleSet.compile(files));
        Map<String, Shown> after = explanations(RuleSet.compile(changedFiles));

        List<String> covert = before.entrySet().stream()
                .filter(e -> e.getKey().endsWith("|line:CB-05") && e.getValue().text().contains("暗访权重 2"))
                .map(Map.Entry::getKey).toList();
        assertThat(covert).hasSizeGreaterThan(3);
        assertThat(covert).allSatisfy(key -> assertThat(after.get(key).text()).contains("暗访权重 3）"));
        assertThat(after.values()).noneMatch(shown -> shown.text().contains("暗访权重 2"));
    }

    /** What is wrong with the explanations of a rule whose number {@code n} changed. */
    static List<String> check(PolicyNumber n, Map<String, Shown> baseline, Map<String, Shown> changed) {
        Set<String> own = ownKeys(n);
        Pattern newToken = token(n.changed());
        String oldShown = Rounding.num(Double.parseDouble(n.literal()));
        Pattern oldToken = token(n.literal());
        List<String> problems = new ArrayList<>();
        int affected = 0;
        int showing = 0;
        for (Map.Entry<String, Shown> e : changed.entrySet()) {
            String key = e.getKey();
            Shown before = baseline.get(key);
            if (before == null || before.equals(e.getValue()) || own.stream().noneMatch(key::endsWith)) {
                continue;
            }
            affected++;
            String now = e.getValue().text();
            long shownNew = newToken.matcher(now).results().count();
            if (shownNew > 0) {
                showing++;
                // where the old number stood, the new one stands now: the old one is left only where
                // the data shows it (a copy written as text is refused by the test above)
                long oldBefore = oldToken.matcher(before.text()).results().count();
                long oldNow = oldToken.matcher(now).results().count();
                if (oldNow > oldBefore - shownNew) {
                    problems.add(n + " → " + n.changed() + ": " + key + " reads \"" + now + "\", was \"" + before.text()
                            + "\": it still shows " + oldShown + " where the number stood");
                }
            } else if (Objects.equals(now, before.text())) {
                problems.add(n + " → " + n.changed() + ": " + key + " gives " + e.getValue().points() + " instead of "
                        + before.points() + " with the same reason \"" + now + "\"");
            }
        }
        if (affected == 0) {
            problems.add(n + " → " + n.changed() + ": no explanation of " + n.id() + " in the test bundles changed "
                    + "(add an organization that reaches this branch)");
        } else if (showing == 0) {
            problems.add(n + " → " + n.changed() + ": none of the " + affected + " changed explanation(s) of " + n.id()
                    + " shows " + Rounding.num(Double.parseDouble(n.changed())));
        }
        return problems;
    }
}
