package org.grassroots.assessment.server.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.evaluation.VisitPlanning;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.rectification.OrgScope;
import org.grassroots.assessment.server.web.DateBounds;
import org.springframework.stereotype.Service;

/**
 * The organizations on a map (issue 16): each organization with a location, in a category by its
 * latest published grade (等次) or by whether it is due a visit on a day (应暗访 / 应检查 / 暂不需要).
 * Organizations without a location are counted, not placed.
 */
@Service
public class OrganizationMap {

    /** What the points are coloured by. */
    public enum Colouring { TIER, DUE }

    /** A category of points, its colour and how many organizations are in it. */
    public record Category(String name, String colour, int count) {
    }

    public record Point(String code, String name, double lat, double lon, String category) {
    }

    public record OrgMap(Colouring colouring, LocalDate asOf, List<Category> categories, List<Point> points,
            int withoutLocation) {
    }

    static final String UNGRADED = "未发布定级";
    static final String COVERT_DUE = "应暗访";
    static final String DUE = "应检查";
    static final String NOT_DUE = "暂不需要检查";
    /** Best tier first (the tiers' one order), then the ungraded in grey. */
    private static final List<String> TIER_COLOURS = List.of("#237804", "#1d39c4", "#d46b08", "#a8071a", "#8c8c8c");

    private final OrganizationService organizations;
    private final VisitPlanning planning;
    private final Clock clock;

    OrganizationMap(OrganizationService organizations, VisitPlanning planning, Clock clock) {
        this.organizations = organizations;
        this.planning = planning;
        this.clock = clock;
    }

    public OrgMap of(Colouring colouring, LocalDate asOf) {
        DateBounds.check("/asOf", asOf);
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        Map<String, String> categoryOf = new HashMap<>();
        Map<String, String> colours = new LinkedHashMap<>();
        String fallback;
        if (colouring == Colouring.TIER) {
            List<Tier> tiers = Tier.bestFirst();
            for (int i = 0; i < tiers.size(); i++) {
                colours.put(tiers.get(i).label(), TIER_COLOURS.get(i));
            }
            colours.put(UNGRADED, TIER_COLOURS.get(TIER_COLOURS.size() - 1));
            planning.publishedTiers(day).forEach((code, tier) -> categoryOf.put(code, tier.label()));
            fallback = UNGRADED;
        } else {
            colours.put(COVERT_DUE, "#a8071a");
            colours.put(DUE, "#d46b08");
            colours.put(NOT_DUE, "#237804");
            for (VisitPlanning.Due due : planning.due(day, OrgScope.all())) {
                categoryOf.merge(due.orgCode(), due.covert() ? COVERT_DUE : DUE,
                        (a, b) -> a.equals(COVERT_DUE) || b.equals(COVERT_DUE) ? COVERT_DUE : DUE);
            }
            fallback = NOT_DUE;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        colours.keySet().forEach(c -> counts.put(c, 0));
        List<Point> points = new ArrayList<>();
        int without = 0;
        for (Organization org : organizations.all()) {
            if (org.location() == null) {
                without++;
                continue;
            }
            String category = categoryOf.getOrDefault(org.code(), fallback);
            counts.merge(category, 1, Integer::sum);
            points.add(new Point(org.code(), org.name(), org.location().lat(), org.location().lon(), category));
        }
        List<Category> categories = new ArrayList<>();
        colours.forEach((name, colour) -> categories.add(new Category(name, colour, counts.get(name))));
        return new OrgMap(colouring, day, categories, points, without);
    }
}
