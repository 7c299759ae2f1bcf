package org.grassroots.assessment.server.pages.rules;

import java.util.List;
import java.util.Map;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring.RuleError;
import org.grassroots.assessment.server.ruleset.RulesInForce;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * How the rule pages store a draft, whether its files were uploaded or edited in the browser: the
 * label chosen ({@link DraftLabel}), the set validated, then stored; a set that does not compile is not
 * stored and its errors come back to be shown against their lines.
 */
@Component
class DraftSaving {

    private final RuleSetAuthoring rules;

    DraftSaving(RuleSetAuthoring rules) {
        this.rules = rules;
    }

    /** The stored draft, or (draft null) the compile errors that kept it from being stored. */
    record Outcome(RulesInForce.VersionView draft, List<RuleError> errors) {
    }

    /** @throws InvalidRequestException when the files or the label are refused before compiling */
    Outcome save(Map<String, String> files, String typedLabel, String comment) {
        Map<String, String> labelled = DraftLabel.chosen(files, typedLabel, rules.labels());
        RuleSetAuthoring.Validation validation = rules.validate(labelled);
        if (!validation.valid()) {
            return new Outcome(null, validation.errors());
        }
        return new Outcome(rules.draft(labelled, comment), List.of());
    }

    static String saved(RulesInForce.VersionView draft) {
        return "草稿已保存，版本号 " + draft.version() + "（#" + draft.id() + "）";
    }

    static String compileFailed(List<RuleError> errors) {
        return "规则文件未通过编译，共 " + errors.size() + " 处错误，草稿未保存";
    }

    /** A refusal's problems in one line, for a page. */
    static String describe(InvalidRequestException e) {
        List<String> parts = e.problems().stream().map(Problem::message).toList();
        return parts.isEmpty() ? e.getMessage() : String.join("；", parts);
    }
}
