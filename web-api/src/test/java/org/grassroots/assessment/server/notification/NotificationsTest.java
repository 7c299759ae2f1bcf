package org.grassroots.assessment.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.TestUsers;
import org.grassroots.assessment.server.rectification.LedgerItem;
import org.grassroots.assessment.server.rectification.LedgerRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders on the demo district, end to end: the admin's run for a day, run twice; each
 * representative sees exactly its own and its subtree's reminders and marks only its own read; the
 * webhook channel down keeps everything in the outbox, up again sends each once in the robot's JSON;
 * without a mail server configured no e-mail is queued, even for a user with an address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assessment.data-dir=" + NotificationsTest.DATA_DIR, "assessment.demo=true",
        "assessment.notifications.webhook.url=http://127.0.0.1:" + NotificationsTest.WEBHOOK_PORT + "/robot",
        "assessment.notifications.retry-base=PT0S", "assessment.notifications.send-interval=PT1H"})
class NotificationsTest {

    static final String DATA_DIR = "target/test-data/notifications";
    static final int WEBHOOK_PORT = 18531;
    static final String DEMO_PASSWORD = "demo2026";

    static final AtomicBoolean UP = new AtomicBoolean(false);
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final HttpServer ROBOT;

    static {
        deleteDirectory(java.nio.file.Path.of(DATA_DIR));
        try {
            ROBOT = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ROBOT.createContext("/robot", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (UP.get()) {
                RECEIVED.add(new String(body, StandardCharsets.UTF_8));
                byte[] ok = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            } else {
                exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        ROBOT.start();
    }

    @LocalServerPort
    int port;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    OutboxSender sender;
    @Autowired
    JsonMapper json;
    @Autowired
    EmailChannel email;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopRobot() {
        ROBOT.stop(0);
    }

    @Test
    void remindersOncePerDayToTheRightPeopleAndDeliveredByWebhookOnceTheChannelIsUp() throws Exception {
        Map<String, String> parents = notifications.parents();
        List<LedgerItem> items = ledger.find("1 = 1", List.of(), true);
        LedgerItem village = items.stream()
                .filter(i -> i.orgCode().equals("Z01-V04") && i.deadline() != null
                        && i.statusAsOf(i.deadline().minusDays(3)) == RectificationStatus.OPEN
                        && i.existsOn(i.deadline().minusDays(3)))
                .findFirst().orElseThrow(() -> new AssertionError("the demo has an open item of 东岗村"));
        LocalDate day = village.deadline().minusDays(3);

        // an address, but no mail server configured: no e-mail is queued at all
        HttpResponse<String> address = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/users/donggang")).header("Authorization", TestUsers.admin())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"displayName\":\"东岗村党支部 联络员\",\"role\":\"ORG_REP\",\"orgCode\":\"Z01-V04\","
                                + "\"email\":\"donggang@example.gov.cn\"}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(address.statusCode()).as(address.body()).isEqualTo(200);

        JsonNode first = send("POST", "/api/admin/reminders/run?asOf=" + day, TestUsers.admin());
        assertThat(first.get("asOf").asString()).isEqualTo(day.toString());
        int created = first.get("due").asInt() + first.get("overdue").asInt() + first.get("verificationWaiting").asInt();
        assertThat(first.get("due").asInt()).isPositive();
        JsonNode second = send("POST", "/api/admin/reminders/run?asOf=" + day, TestUsers.admin());
        assertThat(second.get("due").asInt() + second.get("overdue").asInt() + second.get("verificationWaiting").asInt())
                .isZero();
        assertThat(second.get("alreadySent").asInt()).isEqualTo(created);

        Map<Long, String> orgOfItem = new HashMap<>();
        items.forEach(i -> orgOfItem.put(i.id(), i.orgCode()));
        String donggang = TestUsers.basic("donggang", DEMO_PASSWORD);
        String liuhe = TestUsers.basic("liuhe", DEMO_PASSWORD);
        JsonNode villageList = send("GET", "/api/notifications", donggang);
        JsonNode townList = send("GET", "/api/notifications", liuhe);
        assertThat(targets(villageList)).contains(village.id());
        assertThat(targets(townList)).contains(village.id());
        assertThat(targets(villageList)).allSatisfy(id -> assertThat(orgOfItem.get(id)).isEqualTo("Z01-V04"));
        assertThat(targets(townList)).allSatisfy(id -> assertThat(orgOfItem.get(id).equals("XQ-Z01")
                || "XQ-Z01".equals(parents.get(orgOfItem.get(id)))).isTrue());
        assertThat(villageList.get("unread").asInt()).isEqualTo(villageList.get("notifications").size());
        for (JsonNode n : villageList.get("notifications")) {
            assertThat(n.get("title").asString()).isIn("整改事项即将到期", "整改事项已逾期");
            assertThat(n.get("day").asString()).isEqualTo(day.toString());
        }

        HttpResponse<String> page = http.send(request("GET", "/notifications", donggang),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("通知 (" + villageList.get("unread").asInt() + ")")
                .contains("notification-" + villageList.get("notifications").get(0).get("id").asLong())
                .contains("标为已读");

        long own = villageList.get("notifications").get(0).get("id").asLong();
        long others = townList.get("notifications").get(0).get("id").asLong();
        assertThat(status("POST", "/api/notifications/" + others + "/read", donggang)).isEqualTo(404);
        assertThat(status("POST", "/api/notifications/" + own + "/read", donggang)).isEqualTo(204);
        assertThat(send("GET", "/api/notifications", donggang).get("unread").asInt())
                .isEqualTo(villageList.get("unread").asInt() - 1);
        assertThat(send("GET", "/api/notifications", liuhe).get("unread").asInt())
                .isEqualTo(townList.get("unread").asInt());

        assertThat(notifications.outboxCounts(Channel.EMAIL)).containsEntry("waiting", 0).containsEntry("sent", 0);

        // the robot is down: nothing is sent and nothing lost
        assertThat(sender.sendDue()).isZero();
        assertThat(notifications.outboxCounts(Channel.WEBHOOK)).containsEntry("waiting", created)
                .containsEntry("sent", 0);
        assertThat(RECEIVED).isEmpty();
        // up again: each sent once
        UP.set(true);
        assertThat(sender.sendDue()).isEqualTo(created);
        assertThat(sender.sendDue()).isZero();
        assertThat(notifications.outboxCounts(Channel.WEBHOOK)).containsEntry("waiting", 0)
                .containsEntry("sent", created);
        assertThat(RECEIVED).hasSize(created);
        JsonNode message = json.readTree(RECEIVED.get(0));
        assertThat(message.get("msgtype").asString()).isEqualTo("text");
        assertThat(message.get("text").get("content").asString()).startsWith("【整改").contains("接收人：");
    }

    @Test
    void backOffDoublesUpToItsLimit() {
        NotificationProperties p = new NotificationProperties(7, 5, "0 0 8 * * *", null,
                java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(6), null);
        OutboxSender s = new OutboxSender(notifications, p, java.time.Clock.systemUTC(), json, email);
        assertThat(s.backOff(0)).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(s.backOff(3)).isEqualTo(java.time.Duration.ofMinutes(8));
        assertThat(s.backOff(30)).isEqualTo(java.time.Duration.ofHours(6));
    }

    private static List<Long> targets(JsonNode list) {
        List<Long> ids = new java.util.ArrayList<>();
        for (JsonNode n : list.get("notifications")) {
            ids.add(Long.parseLong(n.get("target").asString().substring("rectification:".length())));
        }
        return ids;
    }

    private JsonNode send(String method, String path, String auth) throws Exception {
        HttpResponse<String> r = http.send(request(method, path, auth), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private int status(String method, String path, String auth) throws Exception {
        return http.send(request(method, path, auth), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(String method, String path, String auth) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", auth)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    private static void deleteDirectory(java.nio.file.Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
