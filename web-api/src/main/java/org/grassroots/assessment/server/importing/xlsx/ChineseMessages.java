package org.grassroots.assessment.server.importing.xlsx;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle reader's messages (English, docs/formats.md section 1) in Chinese, for the people who
 * fill the workbook. Field names become the workbook's column headers, statuses and other codes
 * their Chinese labels, and JSON Pointers to other records their cells. A message this table does
 * not know is shown with its English text, so nothing is ever hidden.
 */
public final class ChineseMessages {

    private record Rule(Pattern pattern, Function<Matcher, String> text) {
    }

    private static final String GOT = ", got (.+)";
    private static final Map<String, String> DATE_NAMES = Map.of(
            "the visit date", "检查日期", "submittedOn", "提交整改日期", "verifiedOn", "核验销号日期");
    private static final Map<String, String> STATUS_LABELS = Map.of(
            "OPEN", "待整改", "SUBMITTED", "待核验", "VERIFIED", "已销号", "WITHDRAWN", "已撤销");

    private final Function<String, String> header;
    private final Function<String, String> cellOfPointer;
    private final List<Rule> rules;

    /**
     * @param header        the column header of a field of the same record ({@code floatingMembers} →
     *                      流动党员（名）)
     * @param cellOfPointer the cell of a JSON Pointer named in a message ({@code /organizations/1} →
     *                      组织!A3)
     */
    public ChineseMessages(Function<String, String> header, Function<String, String> cellOfPointer) {
        this.header = header;
        this.cellOfPointer = cellOfPointer;
        this.rules = List.of(
                rule("^is required$", m -> "必填，不能为空"),
                rule("^must be an integer" + GOT + "$", m -> "须为整数，实际为 " + m.group(1)),
                rule("^must be a number" + GOT + "$", m -> "须为数值，实际为 " + m.group(1)),
                rule("^must be true or false" + GOT + "$", m -> "须为“是”或“否”，实际为 " + m.group(1)),
                rule("^must be one of .+" + GOT + "$", m -> "须从下拉列表中选择，实际为 " + m.group(1)),
                rule("^must be between (\\S+) and (\\S+)" + GOT + "$",
                        m -> "须在 " + m.group(1) + " 到 " + m.group(2) + " 之间，实际为 " + m.group(3)),
                rule("^must be at least ([-\\d.]+)" + GOT + "$", m -> "不能小于 " + m.group(1) + "，实际为 " + m.group(2)),
                rule("^must have at most 2 decimals" + GOT + "$", m -> "最多 2 位小数，实际为 " + m.group(1)),
                rule("^must be a date yyyy-MM-dd" + GOT + "$", m -> "须为日期（如 2026-05-20），实际为 " + m.group(1)),
                rule("^must be a period .*" + GOT + "$", m -> "须为考评期间（如 2026 或 2026-Q1），实际为 " + m.group(1)),
                rule("^must be 1–64 letters.*" + GOT + "$",
                        m -> "编码须为 1–64 个字母、数字、“_”或“-”，并以字母或数字开头，实际为 " + m.group(1)),
                rule("^must be a checklist item .*" + GOT + "$", m -> "须为问题清单项 C01–C12，实际为 " + m.group(1)),
                rule("^must be (\\d+)–(\\d+) characters long, got (\\d+)$",
                        m -> "长度须为 " + m.group(1) + "–" + m.group(2) + " 个字符，实际为 " + m.group(3) + " 个"),
                rule("^must not be blank$", m -> "不能为空白"),
                rule("^must not contain control characters.*$", m -> "不能含有控制字符（如不可见的换页符）"),
                rule("^must be an array" + GOT + "$", m -> "须为多个值的列表，实际为 " + m.group(1)),
                rule("^must be a string" + GOT + "$", m -> "须为文本，实际为 " + m.group(1)),
                rule("^must have (.+) entries, got (\\d+)$",
                        m -> "须有 " + m.group(1).replace(" to ", "–") + " 项，实际为 " + m.group(2) + " 项"),
                rule("^must not exceed (\\w+) \\((-?\\d+)\\)$",
                        m -> "不能超过“" + header.apply(m.group(1)) + "”（" + m.group(2) + "）"),
                rule("^must be 0 when newMembers is at least 1 \\(newMembers is (\\d+)\\)$",
                        m -> "本期有新发展党员（" + m.group(1) + " 名）时须为 0"),
                rule("^is required for type ENTERPRISE$", m -> "组织类型为非公企业时必填"),
                rule("^is allowed only for type ENTERPRISE$", m -> "仅非公企业填写，其他组织类型须留空"),
                rule("^is allowed only for item C12$", m -> "仅问题清单项“C12 其他”填写扣分，其他清单项须留空"),
                rule("^is required when status is (\\w+)$", m -> "整改状态为“" + status(m.group(1)) + "”时必填"),
                rule("^must be absent when status is (\\w+)$", m -> "整改状态为“" + status(m.group(1)) + "”时须留空"),
                rule("^must not be before (.+?) \\((.+?)\\)" + GOT + "$",
                        m -> "不得早于" + DATE_NAMES.getOrDefault(m.group(1), m.group(1)) + "（" + m.group(2)
                                + "），实际为 " + m.group(3)),
                rule("^must not be after today \\((.+?)\\)" + GOT + "$",
                        m -> "不得晚于今天（" + m.group(1) + "），实际为 " + m.group(2)),
                rule("^unknown organization (.+)$", m -> "组织 " + m.group(1) + " 不存在（本工作簿和系统中都没有）"),
                rule("^duplicate code (.+), first at (/\\S+)$",
                        m -> "组织编码 " + m.group(1) + " 重复，首次出现在 " + cellOfPointer.apply(m.group(2))),
                rule("^duplicate visitId (.+), first at (/\\S+)$",
                        m -> "检查编号 " + m.group(1) + " 重复，首次出现在 " + cellOfPointer.apply(m.group(2))),
                rule("^duplicate period facts for (\\S+) in (\\S+), first at (/\\S+)$",
                        m -> "组织 " + m.group(1) + " 在 " + m.group(2) + " 期间的指标重复，首次出现在 "
                                + cellOfPointer.apply(m.group(3))),
                rule("^duplicate member record for (\\S+) in (\\S+), first at (/\\S+)$",
                        m -> "党员 " + m.group(1) + " 在 " + m.group(2) + " 期间的记录重复，首次出现在 "
                                + cellOfPointer.apply(m.group(3))),
                rule("^makes a cycle: (.+)$", m -> "上级组织形成循环：" + m.group(1)),
                rule("^no period facts for (\\S+) in (\\S+) \\(in the bundle or stored\\)$",
                        m -> "组织 " + m.group(1) + " 没有 " + m.group(2) + " 期间的期间指标（本工作簿和系统中都没有）"),
                rule("^more member records for (\\S+) in (\\S+) than the members of its period facts \\((\\d+)\\)(.*)$",
                        m -> "组织 " + m.group(1) + " 在 " + m.group(2) + " 期间的党员记录多于期间指标中的党员人数（"
                                + m.group(3) + "）" + (m.group(4).isEmpty() ? "" : "（含系统中已存的记录）")),
                rule("^must be at least the (\\d+) member records stored for (\\S+) in (\\S+)$",
                        m -> "不能少于系统中已存的 " + m.group(2) + " 在 " + m.group(3) + " 期间的 " + m.group(1) + " 条党员记录"),
                rule("^must be at most 99999999999999\\.99.*$", m -> "金额过大：最多 99999999999999.99 元"),
                rule("^is too large" + GOT + "$", m -> "数值过大，实际为 " + m.group(1)),
                rule("^must be at most (\\d+) characters.*$", m -> "每项至多 " + m.group(1) + " 个字符"),
                rule("^is too long.*$", m -> "内容过长"),
                rule("^duplicate key (.+)$", m -> "列重复：" + m.group(1)),
                rule("^unknown field (.+)$", m -> "未知的列 " + m.group(1)));
    }

    private static Rule rule(String pattern, Function<Matcher, String> text) {
        return new Rule(Pattern.compile(pattern, Pattern.DOTALL), text);
    }

    private static String status(String code) {
        return STATUS_LABELS.getOrDefault(code, code);
    }

    public String of(String message) {
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(message);
            if (m.matches()) {
                return rule.text().apply(m);
            }
        }
        return "数据不符合要求：" + message;
    }
}
