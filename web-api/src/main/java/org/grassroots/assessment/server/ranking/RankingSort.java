package org.grassroots.assessment.server.ranking;

/** How a ranking table is ordered on the pages; ties always fall back to the ranking's own order. */
public enum RankingSort {
    /** The ranking's order (policy section 6): first place first. */
    RANK("r.list_order", "排名"),
    /** The ranking read from the bottom (倒排). */
    RANK_DESC("r.list_order desc", "排名（倒序）"),
    CODE("r.org_code", "组织编码"),
    NAME("o.name, r.list_order", "组织名称");

    private final String orderBy;
    private final String label;

    RankingSort(String orderBy, String label) {
        this.orderBy = orderBy;
        this.label = label;
    }

    String orderBy() {
        return orderBy;
    }

    public String label() {
        return label;
    }

    /** The sort named by a request parameter; the ranking's order for anything else. */
    public static RankingSort parse(String name) {
        for (RankingSort sort : values()) {
            if (sort.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return sort;
            }
        }
        return RANK;
    }
}
