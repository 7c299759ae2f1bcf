package org.grassroots.assessment.server.importing.xlsx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.grassroots.assessment.evaluation.ChecklistItem;
import org.grassroots.assessment.model.Appraisal;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Severity;
import org.grassroots.assessment.model.VisitMode;
import org.grassroots.assessment.ruleset.RuleCatalog;

/**
 * The import workbook, sheet by sheet and column by column: the one table that the template, the
 * export, the import and the 说明 sheet are all made from. The bounds given here are those of the
 * bundle format (docs/formats.md section 1), used for Excel's data validation only: the bundle
 * reader remains the judge of every value. The checklist items come from the rule set in force.
 */
public final class WorkbookLayout {

    public static final String ORGANIZATIONS = "组织";
    public static final String PERIOD_FACTS = "期间指标";
    public static final String MEMBERS = "党员";
    public static final String VISITS = "明察暗访";
    public static final String FINDINGS = "发现问题";
    public static final String NOTES = "说明";

    /** The largest count of meetings or activities in a period the format accepts. */
    private static final double MAX_COUNT = 1000;
    private static final double NO_MAX = Integer.MAX_VALUE;
    private static final String FACTS = "PeriodFacts";
    private static final String MEMBER = "MemberRecord";

    private final List<SheetLayout> sheets;

    private WorkbookLayout(List<SheetLayout> sheets) {
        this.sheets = List.copyOf(sheets);
    }

    /** The layout with the checklist items of a catalog. */
    public static WorkbookLayout of(RuleCatalog catalog) {
        return new WorkbookLayout(List.of(organizations(), periodFacts(), members(), visits(), findings(catalog)));
    }

    /** The record sheets, in workbook order (说明 comes after them). */
    public List<SheetLayout> sheets() {
        return sheets;
    }

    public Optional<SheetLayout> sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public SheetLayout sheetOf(String section) {
        return sheets.stream().filter(s -> s.section().equals(section)).findFirst().orElseThrow();
    }

    private static SheetLayout organizations() {
        return new SheetLayout(ORGANIZATIONS, "organizations", "每行一个党组织（按编码新增或替换）", List.of(
                code("code", "组织编码", "党组织的唯一编码：字母、数字、“_”或“-”，至多 64 个字符", null, null),
                new Column("name", "组织名称", ColumnKind.TEXT, true, null, null, List.of(), "党组织全称，1–200 个字符",
                        null, null),
                choice("type", "组织类型", true, OrgType.values(), OrgType::name, OrgType::label,
                        "村、社区、机关、非公企业、社会组织；决定适用的评分细则", "Organization", "type"),
                choice("level", "组织层级", true, OrgLevel.values(), OrgLevel::name, OrgLevel::label,
                        "党委/党工委、党总支、党支部", "Organization", "level"),
                new Column("parentCode", "上级组织编码", ColumnKind.CODE, false, null, null, List.of(),
                        "上级党组织的编码（本表中或已导入的组织）；区直属的党委留空", null, null),
                choice("enterpriseCategory", "企业类别", false, EnterpriseCategory.values(), EnterpriseCategory::name,
                        EnterpriseCategory::label, "仅非公企业填写（必填）；其他类型留空", "Organization",
                        "enterpriseCategory"),
                bool("hasPartyGroups", "设有党小组", false, "是否设有党小组；留空视为否", "Organization",
                        "hasPartyGroups"),
                new Column("latitude", "纬度", ColumnKind.NUMBER, false, -90.0, 90.0, List.of(),
                        "党组织所在地纬度（度），−90–90；与经度同填或同空，可不填", null, null),
                new Column("longitude", "经度", ColumnKind.NUMBER, false, -180.0, 180.0, List.of(),
                        "党组织所在地经度（度），−180–180；与纬度同填或同空，可不填", null, null)));
    }

    private static SheetLayout periodFacts() {
        return new SheetLayout(PERIOD_FACTS, "periodFacts", "每行一个党组织在一个考评期间的指标（截至填报时的累计数）", List.of(
                code("orgCode", "组织编码", "本行指标所属党组织的编码", null, null),
                period(),
                count("branchGeneralMeetings", "支部党员大会（次）", "本期已召开的支部党员大会次数"),
                count("committeeMeetings", "支委会（次）", "本期已召开的支部委员会会议次数"),
                count("partyGroupMeetings", "党小组会（次）", "本期已召开的党小组会次数（未设党小组填 0）"),
                count("partyLectures", "党课（次）", "本期已讲党课次数"),
                count("themePartyDays", "主题党日（次）", "本期已开展主题党日次数"),
                count("studyDays", "党员学习日（次）", "本期已开展党员学习日次数"),
                count("villageCommitteeMeetings", "三委会议（次）", "本期村（社区）党组织、村（居）委会、监委会联席会议次数"),
                count("volunteerActivities", "志愿服务活动（次）", "本期组织的志愿服务活动次数"),
                factBool("organizationalLifeMeetingHeld", "已召开组织生活会", "本年度是否已召开组织生活会"),
                factBool("democraticReviewHeld", "已开展民主评议党员", "本年度是否已开展民主评议党员"),
                rate("studyAttendanceRate", "党员学习参学率（0–1）", "党员学习平均参学率，0–1 之间的小数（92% 填 0.92 或 92%）",
                        FACTS),
                rate("massSatisfaction", "群众满意度（0–1）", "群众满意度测评结果，0–1 之间的小数", FACTS),
                people("members", "党员人数（名）", "党员总数；党员表中本组织本期的记录不得多于此数"),
                people("newMembers", "新发展党员（名）", "本期新发展党员人数，不超过党员人数"),
                integer("yearsSinceLastNewMember", "距上次发展党员（年）", 0, NO_MAX,
                        "距上一次发展党员的年数；本期有新发展党员时填 0", FACTS),
                people("floatingMembers", "流动党员（名）", "流动党员人数，不超过党员人数"),
                people("floatingMembersInContact", "保持联系的流动党员（名）", "保持经常联系的流动党员人数，不超过流动党员人数"),
                factBool("floatingLedgerUpToDate", "流动党员台账及时更新", "流动党员登记台账是否及时更新"),
                integer("secretaryVacantMonths", "书记空缺（月）", 0, 600, "党组织书记空缺的月数，0–600", FACTS),
                integer("committeeSeatsRequired", "应配班子成员（名）", 1, NO_MAX, "班子应配备的成员数，至少 1", FACTS),
                people("committeeSeatsFilled", "实配班子成员（名）", "班子实际配备的成员数，不超过应配数"),
                integer("disciplineCasesLeadership", "班子成员违纪案件（件）", 0, NO_MAX, "班子成员受党纪处分的案件数", FACTS),
                integer("disciplineCasesMembers", "党员违纪案件（件）", 0, NO_MAX, "其他党员受党纪处分的案件数", FACTS),
                factBool("hasServiceCenter", "建有党群服务中心", "是否建有党群服务中心（站）"),
                factBool("centerSignage", "服务中心标识统一", "党群服务中心标识是否符合“四统一”"),
                factBool("centerAppearance", "服务中心外观统一", "党群服务中心外观是否符合“四统一”"),
                factBool("centerEquipment", "服务中心设施统一", "党群服务中心设施是否符合“四统一”"),
                factBool("centerAtmosphere", "服务中心氛围统一", "党群服务中心氛围营造是否符合“四统一”"),
                factBool("integrationWorkingBody", "融合：联合工作机构", "党建融合：是否建立联合工作机构"),
                factBool("integrationCrossAppointment", "融合：交叉任职", "党建融合：是否交叉任职"),
                factBool("integrationSharedVenue", "融合：阵地共享", "党建融合：是否共享活动阵地"),
                factBool("integrationJointActivities", "融合：活动联办", "党建融合：是否联合开展活动"),
                factBool("integrationJointSystems", "融合：制度共建", "党建融合：是否共建工作制度"),
                money("reserveFundBalanceYuan", "党建储备金余额（元）", "党建工作储备金余额，元，最多 2 位小数"),
                money("collectiveIncomeYuan", "村集体经济收入（元）", "村集体经济年收入，元，最多 2 位小数"),
                factBool("guideAssigned", "已选派党建指导员", "是否已选派党建指导员"),
                factBool("contactPointAssigned", "已建立领导联系点", "是否已建立领导干部联系点"),
                factBool("firstSecretaryAssigned", "已选派第一书记", "是否已选派第一书记"),
                integer("disputesUnresolved", "未化解矛盾纠纷（件）", 0, NO_MAX, "未化解的矛盾纠纷件数", FACTS),
                integer("petitionsRepeated", "重复信访（件）", 0, NO_MAX, "重复信访件数", FACTS),
                choice("demonstrationLevel", "示范点级别", true, DemonstrationLevel.values(), DemonstrationLevel::name,
                        DemonstrationLevel::label, "获评的党建示范点级别：无、区级、市级", FACTS, "demonstrationLevel")));
    }

    private static SheetLayout members() {
        return new SheetLayout(MEMBERS, "members", "每行一名党员在一个考评期间的记录（按党员编号和期间新增或替换）", List.of(
                code("memberId", "党员编号", "党员的唯一编号：字母、数字、“_”或“-”", null, null),
                code("orgCode", "组织编码", "党员所在党组织的编码（须有本期的期间指标）", null, null),
                period(),
                bool("floating", "流动党员", true, "是否为流动党员（不计分，用于统计）", MEMBER, "floating"),
                new Column("serviceHours", "服务群众时长（小时）", ColumnKind.NUMBER, true, 0.0, 10_000.0, List.of(),
                        "本期服务群众的时长，0–10000 小时", MEMBER, "serviceHours"),
                choice("appraisal", "民主评议结果", true, Appraisal.values(), Appraisal::name, Appraisal::label,
                        "优秀、合格、基本合格、不合格", MEMBER, "appraisal"),
                integer("innovations", "科技创新成果（项）", 0, NO_MAX, "本期科技创新成果数", MEMBER),
                integer("managementResults", "经营管理成果（项）", 0, NO_MAX, "本期经营管理成果数", MEMBER),
                rate("studyAttendanceRate", "学习参学率（0–1）", "本人学习参学率，0–1 之间的小数", MEMBER),
                new Column("testScore", "学习测试成绩（分）", ColumnKind.NUMBER, true, 0.0, 100.0, List.of(),
                        "学习测试成绩，0–100 分", MEMBER, "testScore"),
                bool("disciplinaryAction", "受到党纪处分", true, "本期是否受到党纪处分", MEMBER, "disciplinaryAction")));
    }

    private static SheetLayout visits() {
        return new SheetLayout(VISITS, "visits", "每行一次明察暗访检查（已导入的检查不可更改：同编号同内容跳过，内容不同为冲突）", List.of(
                code("visitId", "检查编号", "检查的唯一编号：字母、数字、“_”或“-”", null, null),
                code("orgCode", "组织编码", "被检查党组织的编码", null, null),
                new Column("date", "检查日期（日期）", ColumnKind.DATE, true, null, null, List.of(),
                        "检查日期，日期单元格（如 2026-05-20），不得晚于今天", "Visit", "date"),
                choice("mode", "检查方式", true, VisitMode.values(), VisitMode::name, VisitMode::label,
                        "明察或暗访（暗访权重加倍）", "Visit", "mode"),
                new Column("team", "督查组", ColumnKind.TEXT, true, null, null, List.of(), "督查组名称，1–100 个字符", null,
                        null),
                new Column("inspectors", "检查人员（用“、”分隔）", ColumnKind.TEXT_LIST, true, null, null, List.of(),
                        "1–20 名检查人员姓名，用顿号“、”或换行分隔", null, null),
                new Column("location/lat", "纬度（度）", ColumnKind.NUMBER, false, -90.0, 90.0, List.of(),
                        "检查地点纬度，−90–90；与经度同填或同空", null, null),
                new Column("location/lon", "经度（度）", ColumnKind.NUMBER, false, -180.0, 180.0, List.of(),
                        "检查地点经度，−180–180", null, null)));
    }

    private static SheetLayout findings(RuleCatalog catalog) {
        List<Choice> items = new ArrayList<>();
        for (ChecklistItem item : catalog.items()) {
            items.add(new Choice(item.item(), item.item() + " " + item.name()));
        }
        List<Choice> statuses = Arrays.stream(RectificationStatus.values())
                .filter(s -> s != RectificationStatus.WITHDRAWN).map(s -> new Choice(s.name(), s.label())).toList();
        return new SheetLayout(FINDINGS, "findings", "每行一个检查发现的问题，归属于明察暗访表中同编号的检查（按行的先后排序）", List.of(
                code("visitId", "检查编号", "问题所属检查的编号（明察暗访表中的一行）", null, null),
                new Column("item", "问题清单项", ColumnKind.CHOICE, true, null, null, items,
                        "明察暗访问题清单中的一项（C01–C12）", "InspectionFinding", "item"),
                choice("severity", "严重程度", false, Severity.values(), Severity::name, Severity::label,
                        "一般、较重、严重；留空按问题清单的默认程度", "InspectionFinding", "severity"),
                new Column("deduction", "扣分（分）", ColumnKind.INTEGER, false, 1.0, 20.0, List.of(),
                        "仅“C12 其他”填写（必填），1–20 分；其他清单项留空", "InspectionFinding", "deduction"),
                new Column("note", "问题描述", ColumnKind.TEXT, false, null, null, List.of(), "问题的具体描述，至多 2000 个字符",
                        null, null),
                new Column("evidence", "佐证材料（每行一个）", ColumnKind.TEXT_LINES, false, null, null, List.of(),
                        "照片或文件的名称或网址，至多 20 个，每行一个", null, null),
                new Column("rectification/status", "整改状态", ColumnKind.CHOICE, false, null, null, statuses,
                        "导入已有的整改台账状态：待整改、待核验、已销号；留空为新问题", null, null),
                new Column("rectification/submittedOn", "提交整改日期（日期）", ColumnKind.DATE, false, null, null,
                        List.of(), "待核验、已销号时必填，不早于检查日期", null, null),
                new Column("rectification/verifiedOn", "核验销号日期（日期）", ColumnKind.DATE, false, null, null,
                        List.of(), "已销号时必填，不早于提交整改日期", null, null)));
    }

    private static Column code(String field, String header, String meaning, String factType, String factField) {
        return new Column(field, header, ColumnKind.CODE, true, null, null, List.of(), meaning, factType, factField);
    }

    private static Column period() {
        return new Column("period", "考评期间", ColumnKind.PERIOD, true, null, null, List.of(),
                "年度填 2026，季度填 2026-Q1（Q1–Q4）；按文本填写", null, null);
    }

    private static Column count(String field, String header, String meaning) {
        return integer(field, header, 0, MAX_COUNT, meaning + "，0–1000", FACTS);
    }

    private static Column people(String field, String header, String meaning) {
        return integer(field, header, 0, NO_MAX, meaning, FACTS);
    }

    private static Column integer(String field, String header, double min, double max, String meaning, String type) {
        return new Column(field, header, ColumnKind.INTEGER, true, min, max, List.of(), meaning, type, field);
    }

    private static Column rate(String field, String header, String meaning, String type) {
        return new Column(field, header, ColumnKind.RATE, true, 0.0, 1.0, List.of(), meaning, type, field);
    }

    private static Column money(String field, String header, String meaning) {
        return new Column(field, header, ColumnKind.MONEY, true, 0.0, null, List.of(), meaning, FACTS, field);
    }

    private static Column factBool(String field, String header, String meaning) {
        return bool(field, header + "（是/否）", true, meaning, FACTS, field);
    }

    private static Column bool(String field, String header, boolean required, String meaning, String type,
                               String factField) {
        String shown = header.endsWith("）") ? header : header + "（是/否）";
        return new Column(field, shown, ColumnKind.BOOLEAN, required, null, null,
                List.of(new Choice("true", "是"), new Choice("false", "否")), meaning, type, factField);
    }

    private static <E extends Enum<E>> Column choice(String field, String header, boolean required, E[] values,
                                                     Function<E, String> value, Function<E, String> label,
                                                     String meaning, String type, String factField) {
        List<Choice> choices = Arrays.stream(values).map(v -> new Choice(value.apply(v), label.apply(v))).toList();
        return new Column(field, header, ColumnKind.CHOICE, required, null, null, choices, meaning, type, factField);
    }
}
