package org.grassroots.assessment.server.pages.organization;

import java.util.List;
import java.util.function.Function;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.evaluation.UpgradePathService;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.server.selfreport.FactCatalog;
import org.grassroots.assessment.upgrade.UpgradePath;
import org.grassroots.assessment.upgrade.UpgradePathFinder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization page's 晋位路径 section, loaded by htmx once the page is shown (the search
 * evaluates many candidates): the changes named by the facts' Chinese names (a rectification item to
 * submit as 整改事项 #id：提交整改, linked to the item on the page), or why no path exists.
 */
@Controller
class UpgradePathSection {

    /**
     * One change as shown: the fact's Chinese name, from → to, the rules it moves and the points;
     * {@code item} the anchor of a rectification item on the page, else null.
     */
    record Row(String fact, String name, String from, String to, String rules, double points, String item) {
    }

    private final UpgradePathService paths;
    private final EvaluationRunner runner;
    private final AccessScope scope;
    private final Periods periods;
    private final FactCatalog catalog;

    UpgradePathSection(UpgradePathService paths, EvaluationRunner runner, AccessScope scope, Periods periods,
            FactCatalog catalog) {
        this.paths = paths;
        this.runner = runner;
        this.scope = scope;
        this.periods = periods;
        this.catalog = catalog;
    }

    @GetMapping("/org/{code}/upgrade-path")
    String section(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        scope.require(code);
        UpgradePath path = paths.find(code, runner.target(periods.orDefault(period), null), null);
        List<Row> rows = path.changes().stream().map(c -> row(c, this::name)).toList();
        model.addAttribute("path", path);
        model.addAttribute("rows", rows);
        return "organization/upgrade-path :: path";
    }

    /** A change as shown; {@code factName} names a field of the period facts. */
    static Row row(UpgradePath.Change c, Function<String, String> factName) {
        String name = c.fact().startsWith(UpgradePathFinder.RECTIFICATION)
                ? "整改事项 #" + c.fact().substring(UpgradePathFinder.RECTIFICATION.length()) + "：提交整改"
                : factName.apply(c.fact());
        return new Row(c.fact(), name, shown(c.from()), shown(c.to()), String.join("、", c.rules()), c.points(),
                anchor(c.fact()));
    }

    private String name(String fact) {
        try {
            return catalog.fact(fact).name();
        } catch (IllegalArgumentException e) {
            return fact;
        }
    }

    private static String anchor(String fact) {
        return fact.startsWith(UpgradePathFinder.RECTIFICATION)
                ? "#item-" + fact.substring(UpgradePathFinder.RECTIFICATION.length()) : null;
    }

    private static String shown(Object value) {
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof RectificationStatus s) {
            return s.label();
        }
        return String.valueOf(value);
    }
}
