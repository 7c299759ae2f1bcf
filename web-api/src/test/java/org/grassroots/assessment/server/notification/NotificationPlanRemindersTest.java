package org.grassroots.assessment.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, the leads' reminders of planned visits on the demo district: 李明 (督查一组, the lead)
 * confirms a plan for 白马镇 (XQ-Z04) over a month, one visit planned in two days, one in five
 * (that one already recorded today). The daily job tells the lead, once per visit, kind and day, of
 * the visit due soon, of it once its day has passed, and once that the plan ended without it; a
 * visit recorded is not reminded of. Nobody else gets these (they name a planned covert day): not
 * the other inspectors, the office or the administrator, and not the webhook's group chat; the
 * administrator's answer does not count them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assessment.data-dir=" + NotificationPlanRemindersTest.DATA_DIR, "assessment.demo=true",
        "assessment.notifications.webhook.url=http://127.0.0.1:18399/robot",
        "assessment.notifications.send-interval=PT1H"})
class NotificationPlanRemindersTest {

    static final String DATA_DIR = "target/test-data/notification-plans";
    static final String DEMO_PASSWORD = "demo2026";

    static {
        Api.deleteDirectory(DATA_DIR);
    }

    @LocalServerPort
    int port;
    @Autowired
    ReminderJob job;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theLeadIsRemindedOfPlannedVisitsDueOverdueAndMissedOnceEachAndNobodyElse() {
        Api lead = new Api(port, TestUsers.basic("inspector", DEMO_PASSWORD));
        LocalDate today = LocalDate.now(clock);
        LocalDate ends = today.plusDays(30);
        Api.Reply created = lead.post("/api/inspection-plans", """
                {"name": "白马镇提醒测试", "rootOrgCode": "XQ-Z04", "startsOn": "%s", "endsOn": "%s"}""".formatted(today, ends));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long plan = created.json().get("summary").get("id").asLong();
        JsonNode visits = created.json().get("visits");
        assertThat(visits.size()).as("白马镇 has organizations due a visit: " + visits).isGreaterThanOrEqualTo(2);
        // every visit away from the first days, then one in two days (a) and one in five (b)
        List<JsonNode> all = new ArrayList<>();
        visits.forEach(all::add);
        for (JsonNode v : all) {
            assign(lead, plan, v, ends);
        }
        JsonNode a = all.get(0);
        JsonNode b = all.get(1);
        LocalDate aDay = today.plusDays(2);
        assign(lead, plan, a, aDay);
        assign(lead, plan, b, today.plusDays(5));
        assertThat(lead.post("/api/inspection-plans/" + plan + "/confirm", "").status()).isEqualTo(200);
        // b is visited today: done, never reminded of
        Api.Reply visit = lead.post("/api/visits", """
                {"visitId": "REMIND-%d", "orgCode": "%s", "date": "%s", "mode": "%s", "team": "%s",
                 "inspectors": ["李明"], "findings": []}""".formatted(plan, b.get("orgCode").asString(), today,
                b.get("covert").asBoolean() ? "COVERT" : "OPEN", b.get("team").asString()));
        assertThat(visit.status()).as(visit.body()).isEqualTo(201);
        String aTarget = "planned-visit:" + a.get("id").asLong();
        String bTarget = "planned-visit:" + b.get("id").asLong();

        // today: a is due in two days (within the 7-day window); a second run adds nothing
        ReminderRun first = job.run(today);
        ReminderRun again = job.run(today);
        assertThat(again.created()).isZero();
        assertThat(again.alreadySent()).as("the administrator's answer counts no plan reminder")
                .isEqualTo(first.created());
        List<Notification> mine = planned("inspector");
        assertThat(mine).filteredOn(n -> n.target().equals(aTarget)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("PLANNED_VISIT_DUE");
            assertThat(n.day()).isEqualTo(today);
            assertThat(n.title()).isEqualTo("计划检查即将到期");
            assertThat(n.body()).contains("白马镇提醒测试").contains(a.get("orgName").asString())
                    .contains("计划日期 " + aDay).contains("还有 2 天");
            assertThat(n.link()).isEqualTo("/inspection/plans/" + plan);
        });
        assertThat(mine).as("a visit already recorded").noneMatch(n -> n.target().equals(bTarget));

        // three days on: a's day has passed; once that day however often the job runs
        job.run(today.plusDays(3));
        job.run(today.plusDays(3));
        assertThat(planned("inspector")).filteredOn(n -> n.target().equals(aTarget)
                && n.kind().equals("PLANNED_VISIT_OVERDUE")).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("已过 1 天"));

        // the plan is over without a: one MISSED, on the day after its end, whichever later day the job runs
        job.run(ends.plusDays(1));
        job.run(ends.plusDays(2));
        job.run(ends.plusDays(2));
        List<Notification> missed = planned("inspector").stream().filter(n -> n.kind().equals("PLANNED_VISIT_MISSED"))
                .toList();
        assertThat(missed).filteredOn(n -> n.target().equals(aTarget)).singleElement().satisfies(n -> {
            assertThat(n.day()).isEqualTo(ends.plusDays(1));
            assertThat(n.title()).isEqualTo("计划检查未完成");
        });
        assertThat(missed).as("one per planned visit not done").hasSize(all.size() - 1);
        assertThat(planned("inspector")).noneMatch(n -> n.target().equals(bTarget));

        // nobody else: not the other teams, the office, the administrator, the organizations; no webhook
        for (String other : List.of("inspector2", "inspector3", "evaluator", "maintainer", "admin", "donggang", "liuhe")) {
            assertThat(planned(other)).as(other).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from notification_outbox o join notification n on n.id = o.notification_id"
                + " where n.kind like 'PLANNED_VISIT%'").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from notification_outbox where channel = 'WEBHOOK'").query(Integer.class)
                .single()).as("the webhook is on for the other reminders").isPositive();
    }

    private static void assign(Api lead, long plan, JsonNode visit, LocalDate day) {
        Api.Reply r = lead.put("/api/inspection-plans/" + plan + "/visits/" + visit.get("id").asLong(), """
                {"team": "%s", "plannedOn": "%s"}""".formatted(visit.get("team").asString(), day));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private List<Notification> planned(String user) {
        return notifications.forRecipient(user, 10_000).stream().filter(n -> n.kind().startsWith("PLANNED_VISIT"))
                .toList();
    }
}
