package org.grassroots.assessment.server.pages;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** ECharts options as JSON for a page's {@code data-echarts} attribute; static/js/charts.js draws them. */
public final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RED = "#a8071a";
    /** Advanced, good, average, weak: the tiers' one order ({@code Tier.bestFirst()}). */
    private static final List<String> TIER_COLOURS = List.of("#237804", "#1d39c4", "#d46b08", "#a8071a");

    private Charts() {
    }

    /** Stacked bars: one bar per category, one stacked series per entry of {@code series} (in its order). */
    public static String stacked(String title, List<String> categories, Map<String, List<Integer>> series) {
        List<Map<String, Object>> shown = new java.util.ArrayList<>();
        series.forEach((name, values) -> shown.add(Map.of("name", name, "type", "bar", "stack", "total", "data", values)));
        return JSON.writeValueAsString(Map.of(
                "title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 22),
                "color", TIER_COLOURS,
                "grid", Map.of("left", 40, "right", 10, "bottom", 60, "top", 60),
                "xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("rotate", 30)),
                "yAxis", Map.of("type", "value"),
                "series", shown));
    }

    /** A bar chart of scores on the scale they are given on: the axis always runs from 0 to 100. */
    public static String scores(String title, List<String> labels, List<? extends Number> values) {
        return JSON.writeValueAsString(Map.of(
                "title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of(),
                "grid", Map.of("left", 40, "right", 10, "bottom", 30, "top", 40),
                "xAxis", Map.of("type", "category", "data", labels),
                "yAxis", Map.of("type", "value", "min", 0, "max", 100, "interval", 20),
                "series", List.of(Map.of("type", "bar", "data", values, "itemStyle", Map.of("color", RED),
                        "label", Map.of("show", true, "position", "top")))));
    }
}
