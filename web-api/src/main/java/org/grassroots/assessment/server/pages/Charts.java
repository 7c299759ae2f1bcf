package org.grassroots.assessment.server.pages;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** ECharts options as JSON for a page's {@code data-echarts} attribute; static/js/charts.js draws them. */
public final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RED = "#a8071a";

    private Charts() {
    }

    /** A bar chart of one series: a label and a value per bar. */
    public static String bars(String title, List<String> labels, List<? extends Number> values) {
        return JSON.writeValueAsString(Map.of(
                "title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of(),
                "grid", Map.of("left", 40, "right", 10, "bottom", 30, "top", 40),
                "xAxis", Map.of("type", "category", "data", labels),
                "yAxis", Map.of("type", "value"),
                "series", List.of(Map.of("type", "bar", "data", values, "itemStyle", Map.of("color", RED),
                        "label", Map.of("show", true, "position", "top")))));
    }
}
