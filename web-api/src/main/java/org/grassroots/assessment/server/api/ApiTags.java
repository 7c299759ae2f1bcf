package org.grassroots.assessment.server.api;

import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Optional;

/** The API's tags (groups in the docs), and which paths belong to each, by the segment after {@code /api/}. */
public enum ApiTags {

    IMPORT("数据导入 Import", "导入数据包（组织、期间数据、党员、明察暗访记录），整体校验后整体写入。"
            + " Import a bundle (docs/formats.md section 1): validated whole, stored whole or not at all.", "import"),
    ORGANIZATIONS("党组织 Organizations", "基层党组织及其期间数据、党员记录。 Organizations, their period facts and members.",
            "organizations"),
    VISITS("明察暗访 Visits", "督查组录入明察暗访记录及检查问题。 Open and covert inspection visits and their findings.",
            "visits"),
    INSPECTIONS("督查计划 Inspection planning", "按规则（PL-01…PL-03）列出应检查的组织；督查组长制定、调整、确认督查计划"
            + "（暗访日期仅组长和所派督查组可见，其他人得到 404）；督查组成员及其回避所属组织。"
            + " The organizations due an inspection visit by the rules PL-01 … PL-03; inspection plans made,"
            + " adjusted and confirmed by a lead (covert dates are seen only by leads and the assigned team: 404"
            + " for everyone else); the inspectors' teams and home organizations.",
            "inspections", "inspection-plans", "inspectors"),
    EVALUATIONS("考评 Evaluations", "运行考评、查看结果与依据、发布为正式定级、导出表格。"
            + " Run an evaluation, read results with their explanation, publish, export CSV/XLSX.", "evaluations"),
    RANKINGS("排名 Rankings", "全区、类型内、上级组织内排名及倒排。 Rankings district-wide, per type, per parent.",
            "rankings"),
    RECTIFICATIONS("整改台账 Rectifications", "整改事项的查询、提交、核验、退回。"
            + " The rectification list and its lifecycle: submit, verify, reject.", "rectifications"),
    RULE_SETS("规则集 Rule sets", "考评规则集的版本、校验和与启用。 Rule set versions, checksums and activation."
            + " Files are `name.drl`, `ruleset.properties` and scenario files `scenarios/<name>.scenario` with the"
            + " `.json` bundles they name (scenarios are stored with a version but are not part of its checksum)."
            + " `POST /api/rules/test` (files, or `?versionId=`) always answers 200: a set that does not compile is"
            + " `valid=false` with its `errors`; otherwise pass/fail per scenario and the rule coverage."
            + " Activation is refused (400) when the version does not compile or fails one of its own scenarios,"
            + " and (409) when it is a draft that no second person (EVALUATOR or ADMIN, not its author) approved"
            + " after its impact notice (四眼原则, four-eyes); a roll back needs no approval.",
            "rule-sets", "rulesets", "rules"),
    AUDIT("审计日志 Audit", "每次写操作（导入、检查记录、考评、发布、整改、规则集、组织与用户变更）的只增不改、哈希链接的记录，及其校验（仅管理员）。"
            + " The append-only, hash-chained log of every write, and its verification (administrators).", "audit"),
    NOTIFICATIONS("通知 Notifications", "当前用户自己的通知与未读数、标记已读。"
            + " The signed-in user's own notifications (reminders) and marking them read.", "notifications"),
    ADMIN("系统管理 Administration", "数据库在线备份（仅管理员）；恢复见 README。"
            + " Online database backups (ADMIN only): write one, list, download; restore: README, Operations.",
            "admin");

    private final String tagName;
    private final String description;
    private final List<String> segments;

    ApiTags(String tagName, String description, String... segments) {
        this.tagName = tagName;
        this.description = description;
        this.segments = List.of(segments);
    }

    public String tagName() {
        return tagName;
    }

    public Tag tag() {
        return new Tag().name(tagName).description(description);
    }

    /** The tag of a path such as {@code /api/evaluations/{id}/export}; empty outside the known groups. */
    public static Optional<ApiTags> of(String path) {
        if (path == null || !path.startsWith("/api/")) {
            return Optional.empty();
        }
        String rest = path.substring("/api/".length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        for (ApiTags t : values()) {
            if (t.segments.contains(segment)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
