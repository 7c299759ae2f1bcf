package org.grassroots.assessment.server.pages.office;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.Movement;
import org.grassroots.assessment.evaluation.Tier;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.server.evaluation.EvaluationRepository;
import org.grassroots.assessment.server.evaluation.EvaluationSummary;
import org.grassroots.assessment.server.export.TierCount;
import org.grassroots.assessment.server.pages.Charts;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.ranking.RankingPage;
import org.grassroots.assessment.server.ranking.RankingRepository;
import org.grassroots.assessment.server.ranking.RankingSearch;
import org.grassroots.assessment.server.ranking.RankingSort;
import org.grassroots.assessment.server.ranking.TierCountRepository;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evaluation office's dashboard of a period's official evaluation (published, else the latest),
 * period chosen on the page: tier counts per type and per parent (township) as charts and tables,
 * movement (晋位升级) whose counts open the organizations behind them, the reverse-ranked list (倒排)
 * and the ranking table, filtered, searched by name or code, sorted and paged on the server (so it
 * stays fast at 10,000 organizations: nothing reads every result).
 */
@Controller
class Dashboard {

    static final int REVERSE_LIST = 10;
    static final int PAGE_SIZE = 50;

    private final EvaluationRepository evaluations;
    private final RankingRepository rankings;
    private final TierCountRepository distribution;
    private final Periods periods;

    Dashboard(EvaluationRepository evaluations, RankingRepository rankings, TierCountRepository distribution,
            Periods periods) {
        this.evaluations = evaluations;
        this.rankings = rankings;
        this.distribution = distribution;
        this.periods = periods;
    }

    /**
     * The office's dashboard at /office/dashboard; every staff member (inspection teams too) reads the
     * same figures and ranking at /rankings, without the office's exports and ledger.
     */
    @GetMapping({"/office/dashboard", "/rankings"})
    String dashboard(jakarta.servlet.http.HttpServletRequest request,@RequestParam(required = false) String period, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String parent, @RequestParam(defaultValue = "") String tier,
            @RequestParam(defaultValue = "") String movement, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String sort, @RequestParam(defaultValue = "1") int page,
            Model model) {
        String shown = periods.orDefault(period);
        long id = evaluations.officialOf(shown)
                .orElseThrow(() -> new NotFoundException(shown + " 期间尚无评估，请先在考核办页面运行评估"));
        List<TierCount> byType = distribution.byType(id);
        List<TierCount> byParent = distribution.byParent(id);
        RankingSearch search = new RankingSearch(named(OrgType.values(), type), parent, named(Tier.values(), tier),
                named(Movement.values(), movement), q, RankingSort.parse(sort), page - 1, PAGE_SIZE);

        boolean office = request.getServletPath().startsWith("/office");
        model.addAttribute("office", office);
        model.addAttribute("base", office ? "/office/dashboard" : "/rankings");
        model.addAttribute("period", shown);
        model.addAttribute("periods", evaluations.list(null).stream().map(EvaluationSummary::period).distinct()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("evaluation", evaluations.summary(id));
        model.addAttribute("tiers", Tier.bestFirst());
        model.addAttribute("types", OrgType.values());
        model.addAttribute("movements", Movement.values());
        model.addAttribute("sorts", RankingSort.values());
        model.addAttribute("byType", byType);
        model.addAttribute("byParent", byParent);
        model.addAttribute("typeChart", Charts.stacked("各类型等次分布", labels(byType), series(byType)));
        model.addAttribute("parentChart", Charts.stacked("各乡镇（街道）等次分布", labels(byParent), series(byParent)));
        model.addAttribute("movementCounts", distribution.movement(id));
        model.addAttribute("reverse", rankings.search(id,
                new RankingSearch(null, null, null, null, null, RankingSort.RANK_DESC, 0, REVERSE_LIST)).entries());
        model.addAttribute("parents", byParent.stream().filter(c -> c.code() != null).toList());
        model.addAttribute("parentNames", byParent.stream().filter(c -> c.code() != null)
                .collect(java.util.stream.Collectors.toMap(TierCount::code, TierCount::name)));
        model.addAttribute("type", search.type() == null ? "" : search.type().name());
        model.addAttribute("parent", search.parent() == null ? "" : search.parent());
        model.addAttribute("tier", search.tier() == null ? "" : search.tier().name());
        model.addAttribute("movement", search.movement() == null ? "" : search.movement().name());
        model.addAttribute("q", search.text() == null ? "" : search.text());
        model.addAttribute("sort", search.sort().name());
        RankingPage ranking = rankings.search(id, search);
        model.addAttribute("ranking", ranking);
        model.addAttribute("pages", Math.max(1, (ranking.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "office/dashboard";
    }

    /** The constant a filter names; none (no filter) for an empty or unknown name. */
    private static <E extends Enum<E>> E named(E[] values, String name) {
        return Arrays.stream(values).filter(v -> v.name().equals(name.strip())).findFirst().orElse(null);
    }

    private static List<String> labels(List<TierCount> counts) {
        return counts.stream().map(TierCount::name).toList();
    }

    private static Map<String, List<Integer>> series(List<TierCount> counts) {
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        for (Tier t : Tier.bestFirst()) {
            series.put(t.label(), counts.stream().map(c -> c.count(t)).toList());
        }
        return series;
    }
}
