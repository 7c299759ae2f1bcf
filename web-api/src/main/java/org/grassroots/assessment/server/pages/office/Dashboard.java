package org.grassroots.assessment.server.pages.office;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.export.TierCount;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.pages.Charts;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evaluation office's dashboard of a period's official evaluation (published, else the latest):
 * tier counts per type and per parent (township) as charts and tables, movement (晋位升级), the
 * reverse-ranked list (倒排) and the ranking table with filters.
 */
@Controller
class Dashboard {

    static final int REVERSE_LIST = 10;

    private final EvaluationRepository evaluations;
    private final OrganizationService organizations;
    private final Periods periods;

    Dashboard(EvaluationRepository evaluations, OrganizationService organizations, Periods periods) {
        this.evaluations = evaluations;
        this.organizations = organizations;
        this.periods = periods;
    }

    @GetMapping("/office/dashboard")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String parent, @RequestParam(defaultValue = "") String tier,
            Model model) {
        String shown = periods.orDefault(period);
        long id = evaluations.officialOf(shown)
                .orElseThrow(() -> new NotFoundException(shown + " 期间尚无评估，请先在考核办页面运行评估"));
        EvaluationResult result = evaluations.load(id);
        List<OrganizationResult> orgs = result.organizations();
        Map<String, String> names = organizations.all().stream()
                .collect(Collectors.toMap(Organization::code, Organization::name));
        List<TierCount> byType = TierCount.byType(orgs);
        List<TierCount> byParent = TierCount.byParent(orgs, names::get);

        model.addAttribute("period", shown);
        model.addAttribute("evaluation", evaluations.summary(id));
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("types", OrgType.values());
        model.addAttribute("byType", byType);
        model.addAttribute("byParent", byParent);
        model.addAttribute("typeChart", Charts.stacked("各类型等次分布", labels(byType), series(byType)));
        model.addAttribute("parentChart", Charts.stacked("各乡镇（街道）等次分布", labels(byParent), series(byParent)));
        model.addAttribute("movement", movement(orgs));
        // organizations come in rank order: the reverse list is the ranking read from the bottom
        List<OrganizationResult> reverse = new ArrayList<>(orgs.subList(Math.max(0, orgs.size() - REVERSE_LIST),
                orgs.size()));
        Collections.reverse(reverse);
        model.addAttribute("reverse", reverse);
        model.addAttribute("parents", byParent.stream().filter(c -> c.code() != null).toList());
        model.addAttribute("names", names);
        model.addAttribute("type", type);
        model.addAttribute("parent", parent);
        model.addAttribute("tier", tier);
        model.addAttribute("rows", orgs.stream()
                .filter(o -> type.isEmpty() || o.type().name().equals(type))
                .filter(o -> parent.isEmpty() || parent.equals(o.parentCode()))
                .filter(o -> tier.isEmpty() || o.tier().name().equals(tier))
                .toList());
        return "office/dashboard";
    }

    private static List<String> labels(List<TierCount> counts) {
        return counts.stream().map(TierCount::name).toList();
    }

    private static Map<String, List<Integer>> series(List<TierCount> counts) {
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            series.put(t.label(), counts.stream().map(c -> c.count(t)).toList());
        }
        return series;
    }

    private static Map<Movement, Integer> movement(List<OrganizationResult> orgs) {
        Map<Movement, Integer> counts = new EnumMap<>(Movement.class);
        for (Movement m : Movement.values()) {
            counts.put(m, 0);
        }
        orgs.stream().map(OrganizationResult::movement).filter(java.util.Objects::nonNull)
                .forEach(m -> counts.merge(m, 1, Integer::sum));
        return counts;
    }
}
