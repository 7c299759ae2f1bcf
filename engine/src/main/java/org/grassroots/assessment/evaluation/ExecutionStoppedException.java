package org.grassroots.assessment.evaluation;

import java.time.Duration;

/**
 * Rule work that was stopped because it went over a limit: a rule set that fired more often than
 * the firing limit allows (it loops: the rule set's fault) or work that ran over its time limit.
 * The message says which rule or which limit, in Chinese and in English.
 */
public final class ExecutionStoppedException extends RuntimeException {

    /** Which limit stopped the work. */
    public enum Reason {
        /** More firings per organization than the limit: a rule probably re-triggers itself. */
        FIRING_LIMIT,
        /** The work ran over its wall-clock limit (or was cancelled). */
        TIME_LIMIT
    }

    private final Reason reason;
    private final String rule;

    private ExecutionStoppedException(Reason reason, String rule, String message) {
        super(message);
        this.reason = reason;
        this.rule = rule;
    }

    /** The rules a loop was found in: one that re-triggers itself, two that trigger each other, or the busiest. */
    record Loop(String rule, String partner, String chinese, String english) {

        static Loop itself(String rule) {
            return new Loop(rule, null, "规则 \"" + rule + "\" 反复触发自身",
                    "rule \"" + rule + "\" keeps re-triggering itself");
        }

        static Loop pair(String rule, String partner) {
            return new Loop(rule, partner, "规则 \"" + rule + "\" 与规则 \"" + partner + "\" 相互触发",
                    "rules \"" + rule + "\" and \"" + partner + "\" keep triggering each other");
        }

        static Loop driver(String rule) {
            return new Loop(rule, null, "规则 \"" + rule + "\" 反复触发并连锁引起其他规则触发",
                    "rule \"" + rule + "\" keeps firing and sets off other rules each time");
        }

        static Loop busiest(String rule) {
            return new Loop(rule, null, "规则 \"" + rule + "\" 触发最多", "rule \"" + rule + "\" fired most");
        }
    }

    /**
     * {@code fired} firings in all while evaluating {@code organizations} together (one session),
     * {@code example} one of them the loop ran for (null when unknown).
     */
    static ExecutionStoppedException firingLimit(Loop loop, long fired, int organizations, String example,
            int perOrganization) {
        String orgs = organizations == 1 && example != null ? "组织 " + example + " "
                : " " + organizations + " 个组织" + (example == null ? "" : "（含 " + example + "）");
        String orgsEn = organizations == 1 && example != null ? "organization " + example
                : organizations + " organizations" + (example == null ? "" : " (among them " + example + ")");
        return new ExecutionStoppedException(Reason.FIRING_LIMIT, loop.rule(),
                loop.chinese() + "：在" + orgs + "的评价中规则共触发 " + fired + " 次，超过每个组织 " + perOrganization
                        + " 次的上限，已停止 / " + loop.english() + ": the rules fired " + fired + " times evaluating "
                        + orgsEn + ", over the limit of " + perOrganization
                        + " firings per organization, and were stopped");
    }

    static ExecutionStoppedException timeLimit(String work, Duration limit, String lastRule) {
        String what = work == null ? "规则运行" : work;
        String seconds = seconds(limit);
        return new ExecutionStoppedException(Reason.TIME_LIMIT, lastRule,
                what + "超过 " + seconds + " 秒的时间上限，已停止"
                        + (lastRule == null ? "" : "（最后触发的规则：\"" + lastRule + "\"）")
                        + " / " + (work == null ? "the rule work" : work) + " ran over its time limit of " + seconds
                        + " s and was stopped" + (lastRule == null ? "" : " (last rule fired: \"" + lastRule + "\")"));
    }

    private static String seconds(Duration limit) {
        if (limit == null) {
            return "?";
        }
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.valueOf(millis / 1000.0);
    }

    public Reason reason() {
        return reason;
    }

    /** The rule that fired too often (firing limit), or that fired last (time limit) when known; else null. */
    public String rule() {
        return rule;
    }
}
