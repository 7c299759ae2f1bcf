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

    /**
     * One bar per name (mean deduction per visit, 督查校准): the flagged ones red, the others blue, each
     * bar labelled with its value.
     */
    public static String deductions(String title, List<String> names, List<Double> values, List<Boolean> flagged) {
        List<Map<String, Object>> data = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            data.add(Map.of("value", values.get(i), "itemStyle", Map.of("color", flagged.get(i) ? RED : "#1d39c4")));
        }
        return JSON.writeValueAsString(Map.of(
                "title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of(),
                "grid", Map.of("left", 40, "right", 10, "bottom", 60, "top", 40),
                "xAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("rotate", 30)),
                "yAxis", Map.of("type", "value", "min", 0),
                "series", List.of(Map.of("type", "bar", "data", data, "label", Map.of("show", true, "position", "top")))));
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

    /**
     * The organizations as points on their coordinates (longitude across, latitude up; no map tiles):
     * one series per category in its colour, each point named by its organization.
     */
    public static String organizations(org.grassroots.assessment.server.planning.OrganizationMap.OrgMap map) {
        List<Map<String, Object>> series = new java.util.ArrayList<>();
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        for (var point : map.points()) {
            minLat = Math.min(minLat, point.lat());
            maxLat = Math.max(maxLat, point.lat());
            minLon = Math.min(minLon, point.lon());
            maxLon = Math.max(maxLon, point.lon());
        }
        for (var category : map.categories()) {
            List<Map<String, Object>> data = new java.util.ArrayList<>();
            for (var point : map.points()) {
                if (point.category().equals(category.name())) {
                    data.add(Map.of("name", point.name() + "（" + point.code() + "）", "value",
                            List.of(point.lon(), point.lat())));
                }
            }
            series.add(Map.of("name", category.name(), "type", "scatter", "symbolSize", 9, "data", data,
                    "itemStyle", Map.of("color", category.colour())));
        }
        double padLat = Math.max(0.01, (maxLat - minLat) * 0.05);
        double padLon = Math.max(0.01, (maxLon - minLon) * 0.05);
        Map<String, Object> x = new java.util.HashMap<>(Map.of("type", "value", "name", "经度", "scale", true,
                "splitLine", Map.of("show", false)));
        Map<String, Object> y = new java.util.HashMap<>(Map.of("type", "value", "name", "纬度", "scale", true,
                "splitLine", Map.of("show", false)));
        if (!map.points().isEmpty()) {
            x.put("min", round(minLon - padLon));
            x.put("max", round(maxLon + padLon));
            y.put("min", round(minLat - padLat));
            y.put("max", round(maxLat + padLat));
        }
        return JSON.writeValueAsString(Map.of(
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 50, "right", 20, "bottom", 40, "top", 50),
                "xAxis", x, "yAxis", y, "series", series));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1000) / 1000.0;
    }
}
