package org.grassroots.assessment.server.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.importing.Servers;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the server on one database: an activation or a roll back made on one is taken by
 * the other's {@link RuleSetFollower} (and used by its evaluations, which record it); a version stored
 * as ACTIVE that does not compile is not taken, the set in force stays and the refusal is reported
 * once per instance.
 */
class RuleSetFollowerTest {

    static final String DATA_DIR = "target/test-data/rule-set-follower";

    @Test
    void an_activation_on_one_instance_is_followed_by_the_other_and_a_broken_one_is_refused() throws Exception {
        Api.deleteDirectory(DATA_DIR);
        String shipped = RuleSetLoader.defaultRuleSet().checksum();
        try (ConfigurableApplicationContext first = Servers.start(DATA_DIR, false, "--assessment.rules.poll-interval=PT0.2S");
                ConfigurableApplicationContext second = Servers.start(DATA_DIR, false,
                        "--assessment.rules.poll-interval=PT0.2S")) {
            Api one = Servers.api(first);
            Api two = Servers.api(second);
            assertThat(activeChecksum(two)).isEqualTo(shipped);
            long shippedId = one.get("/api/rules/active").json().get("id").asLong();

            // a draft activated on the first instance is in force on the second
            String body = ResultJson.mapper().writeValueAsString(Map.of("files", RuleFiles.cb05Weight50(),
                    "comment", "CB-05 50%"));
            Api.Reply draft = one.post("/api/rules/drafts", body);
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            long id = draft.json().get("id").asLong();
            String changed = draft.json().get("checksum").asString();
            SecondPerson.approve(Servers.port(first), id);
            assertThat(one.post("/api/rules/versions/" + id + "/activate", "").status()).isEqualTo(200);
            JsonNode followed = awaitActive(two, changed);
            assertThat(followed.get("id").asLong()).isEqualTo(id);
            assertThat(followed.get("fallback").asBoolean()).isFalse();

            // the second instance's evaluation uses it and records it
            assertThat(two.post("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE)).status()).isEqualTo(200);
            Api.Reply run = two.post("/api/evaluations", "{\"period\":\"2026\",\"asOf\":\"2026-12-31\"}");
            assertThat(run.status()).as(run.body()).isEqualTo(201);
            JsonNode evaluation = two.get("/api/evaluations/" + run.json().get("id").asLong()).json();
            assertThat(evaluation.get("ruleSet").get("checksum").asString()).isEqualTo(changed);
            assertThat(evaluation.get("ruleSet").get("version").asString()).isEqualTo(RuleFiles.CB05_VERSION);

            // a roll back on the second instance is in force on the first
            assertThat(two.post("/api/rules/versions/" + shippedId + "/activate", "").status()).isEqualTo(200);
            assertThat(awaitActive(one, shipped).get("id").asLong()).isEqualTo(shippedId);

            // a version made ACTIVE behind the servers' backs that does not compile is taken by neither
            RuleSetVersions versions = first.getBean(RuleSetVersions.class);
            long broken = first.getBean(TransactionTemplate.class).execute(tx -> {
                long stored = versions.insert("broken", "sha256:broken", RuleSetVersions.DRAFT,
                        RuleFiles.brokenOnLine17(), "does not compile", "elsewhere", Instant.now());
                versions.markActive(stored, "elsewhere", Instant.now());
                return stored;
            });
            RuleSetFollower followOne = first.getBean(RuleSetFollower.class);
            RuleSetFollower followTwo = second.getBean(RuleSetFollower.class);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            String refusals = "select count(*) from audit_entry where action = 'RULESET_FALLBACK' and target = ?";
            for (int i = 0; i < 3; i++) {
                followOne.poll();
                followTwo.poll();
            }
            for (Api api : new Api[] {one, two}) {
                JsonNode active = api.get("/api/rules/active").json();
                assertThat(active.get("checksum").asString()).isEqualTo(shipped);
                assertThat(active.get("fallback").asBoolean()).as("the stored ACTIVE row is not what is in force")
                        .isTrue();
            }
            assertThat(jdbc.queryForObject(refusals, Long.class, "ruleset:" + broken))
                    .as("one refusal per instance, not one per look").isEqualTo(2);
            JsonNode entry = one.get("/api/audit?action=RULESET_FALLBACK").json().get("entries").get(0);
            assertThat(entry.get("summary").asString()).contains("#" + broken).contains(RuleFiles.BROKEN + ":17");
            assertThat(one.get("/api/audit/verify").json().get("valid").asBoolean()).isTrue();
        }
    }

    private static String activeChecksum(Api api) {
        return api.get("/api/rules/active").json().get("checksum").asString();
    }

    /** The active set once it is {@code checksum}; fails after 30 s (the promise is 5 s; the machine may be busy). */
    private static JsonNode awaitActive(Api api, String checksum) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode active = api.get("/api/rules/active").json();
            if (checksum.equals(active.get("checksum").asString())) {
                return active;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the rule set " + checksum + " was not taken by the other instance");
    }
}
