package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.grassroots.assessment.server.importing.Api;
import org.grassroots.assessment.server.rectification.RectificationView;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An organization's representative sees its own organization (and subtree) and nothing else, by
 * any endpoint and whatever code or id it guesses; it never learns who inspected or verified.
 */
class OrganizationRepresentativeTest extends DemoDistrictServer {

    @LocalServerPort
    int port;

    private Api admin() {
        return new Api(port);
    }

    private Api village() {
        return admin().as(VILLAGE_REP, DEMO_PASSWORD);
    }

    private Api town() {
        return admin().as(TOWN_REP, DEMO_PASSWORD);
    }

    @Test
    void lists_and_searches_show_only_the_own_subtree() {
        assertThat(codes(village().get("/api/organizations?flat=true").json())).containsExactly(VILLAGE);
        assertThat(codes(village().get("/api/organizations?q=村").json())).containsExactly(VILLAGE);
        JsonNode tree = village().get("/api/organizations").json();
        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.get(0).get("code").asString()).isEqualTo(VILLAGE);

        Set<String> townCodes = codes(town().get("/api/organizations?flat=true").json());
        assertThat(townCodes).contains(TOWN, VILLAGE, "Z01-V01").noneMatch(c -> c.startsWith("Z02") || c.equals("XQ"));
    }

    @Test
    void every_other_organization_is_not_found_by_every_organization_endpoint() {
        String evaluation = admin().get("/api/evaluations?period=2026").json().get(0).get("id").asString();
        List<String> leaked = new ArrayList<>();
        for (String code : codes(admin().get("/api/organizations?flat=true").json())) {
            if (code.equals(VILLAGE)) {
                continue;
            }
            for (String path : List.of("/api/organizations/" + code, "/api/organizations/" + code + "/facts",
                    "/api/organizations/" + code + "/facts/2026", "/api/organizations/" + code + "/members",
                    "/api/organizations/" + code + "/result?period=2026",
                    "/api/evaluations/" + evaluation + "/organizations/" + code,
                    "/api/rectifications?orgCode=" + code)) {
                Api.Reply r = village().get(path);
                if (r.status() != 404) {
                    leaked.add(path + " → " + r.status());
                }
            }
        }
        assertThat(leaked).isEmpty();
        assertThat(village().get("/api/organizations/" + VILLAGE + "/result?period=2026").status()).isEqualTo(200);
        assertThat(village().get("/api/evaluations/" + evaluation + "/organizations/" + VILLAGE).status())
                .isEqualTo(200);
    }

    @Test
    void guessed_rectification_ids_of_other_organizations_are_not_found() {
        JsonNode all = admin().get("/api/rectifications?size=10000").json().get("items");
        long maxId = 0;
        Set<Long> own = new TreeSet<>();
        for (JsonNode item : all) {
            maxId = Math.max(maxId, item.get("id").asLong());
            if (item.get("orgCode").asString().equals(VILLAGE)) {
                own.add(item.get("id").asLong());
            }
        }
        assertThat(own).isNotEmpty();
        List<String> leaked = new ArrayList<>();
        for (long id = 1; id <= maxId + 3; id++) {
            int read = village().get("/api/rectifications/" + id).status();
            int submit = village().post("/api/rectifications/" + id + "/submit", "{\"evidence\":[]}").status();
            int expectedRead = own.contains(id) ? 200 : 404;
            int expectedSubmit = own.contains(id) ? 400 : 404;
            if (read != expectedRead || submit != expectedSubmit) {
                leaked.add(id + ": read " + read + ", submit " + submit);
            }
        }
        assertThat(leaked).isEmpty();
        JsonNode listed = village().get("/api/rectifications?size=10000").json().get("items");
        Set<Long> listedIds = new TreeSet<>();
        listed.forEach(i -> listedIds.add(i.get("id").asLong()));
        assertThat(listedIds).isEqualTo(own);
    }

    @Test
    void visits_rankings_whole_evaluations_and_exports_are_refused() {
        String evaluation = admin().get("/api/evaluations?period=2026").json().get(0).get("id").asString();
        String visit = admin().get("/api/visits?orgCode=" + VILLAGE).json().get(0).get("visitId").asString();
        for (String path : List.of("/api/visits", "/api/visits?orgCode=" + VILLAGE, "/api/visits/" + visit,
                "/api/rankings?period=2026", "/api/evaluations/" + evaluation,
                "/api/evaluations/" + evaluation + "/rankings", "/api/evaluations/" + evaluation + "/export?format=csv",
                "/api/evaluations/" + evaluation + "/export?format=xlsx", "/api/rules/active", "/api/audit")) {
            assertThat(village().get(path).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void a_representative_submits_and_sees_its_own_name_but_not_the_inspectors() {
        JsonNode items = village().get("/api/rectifications?status=OPEN").json().get("items");
        assertThat(items.size()).isPositive();
        long id = items.get(0).get("id").asLong();
        Api.Reply submitted = village().post("/api/rectifications/" + id + "/submit",
                "{\"evidence\":[\"整改照片.jpg\"],\"note\":\"已补齐\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Api.Reply rejected = admin().as("inspector", DEMO_PASSWORD).post("/api/rectifications/" + id + "/reject",
                "{\"reason\":\"照片不清楚\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        List<String> seenByRep = actors(village().get("/api/rectifications/" + id).json());
        assertThat(seenByRep).contains(VILLAGE_REP, RectificationView.HIDDEN_ACTOR).doesNotContain("inspector");
        assertThat(actors(admin().get("/api/rectifications/" + id).json())).contains(VILLAGE_REP, "inspector");
    }

    private static List<String> actors(JsonNode item) {
        List<String> actors = new ArrayList<>();
        item.get("steps").forEach(s -> actors.add(s.get("actor").asString()));
        return actors;
    }

    private static Set<String> codes(JsonNode organizations) {
        Set<String> codes = new TreeSet<>();
        organizations.forEach(o -> codes.add(o.get("code").asString()));
        return codes;
    }
}
