package org.grassroots.assessment.server.pages.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.server.web.DateBounds;
import org.grassroots.assessment.evaluation.ChecklistItem;
import org.grassroots.assessment.model.GeoLocation;

/**
 * The new visit form as posted: one checkbox, severity and note per checklist item
 * ({@code item_C01}, {@code severity_C01}, {@code note_C01}). {@link #check} gives each field's
 * Chinese message; {@link #toJson} the visit in the shape of a bundle's visits[] element.
 */
record VisitForm(String org, String mode, String date, String team, String inspectors, Map<String, String> params) {

    record Chosen(String item, String severity, String note) {
    }

    static final int MAX_NOTE = 2000;
    /** C12 "other" has no catalog deduction: the inspector states one. */
    static final String OTHER = "C12";

    Integer otherDeduction() {
        try {
            int d = Integer.parseInt(params.getOrDefault("deduction_C12", "").strip());
            return d >= 1 && d <= 20 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    List<Chosen> chosen(List<ChecklistItem> catalog) {
        List<Chosen> chosen = new ArrayList<>();
        for (ChecklistItem c : catalog) {
            if (params.containsKey("item_" + c.item())) {
                chosen.add(new Chosen(c.item(), blankToNull(params.get("severity_" + c.item())),
                        blankToNull(params.get("note_" + c.item()))));
            }
        }
        return chosen;
    }

    /**
     * Where the phone was when the form was filled (the hidden latitude/longitude fields the
     * 获取当前位置 button fills); null when either is empty, not a number or out of range.
     */
    public GeoLocation location() {
        Double lat = coordinate("latitude", 90);
        Double lon = coordinate("longitude", 180);
        return lat == null || lon == null ? null : new GeoLocation(lat, lon);
    }

    private Double coordinate(String field, double bound) {
        String text = params.getOrDefault(field, "").strip();
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) && Math.abs(v) <= bound ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    List<String> inspectorNames() {
        return inspectors == null ? List.of()
                : List.of(inspectors.split("[,，、\\s]+")).stream().filter(s -> !s.isBlank()).toList();
    }

    /** Field → message, empty when the form may be posted. */
    Map<String, String> check(List<ChecklistItem> catalog, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"OPEN".equals(mode) && !"COVERT".equals(mode)) {
            errors.put("mode", "请选择明察或暗访");
        }
        try {
            LocalDate day = LocalDate.parse(date == null ? "" : date);
            if (day.isAfter(today)) {
                errors.put("date", "检查日期不能晚于今天");
            } else if (!DateBounds.holds(day)) {
                errors.put("date", "检查日期须在 " + DateBounds.FIRST + " 之后");
            }
        } catch (RuntimeException e) {
            errors.put("date", "请填写检查日期");
        }
        if (team == null || team.isBlank()) {
            errors.put("team", "请填写督查组");
        }
        if (inspectorNames().isEmpty()) {
            errors.put("inspectors", "请填写至少一名检查人员");
        }
        boolean latGiven = !params.getOrDefault("latitude", "").isBlank();
        boolean lonGiven = !params.getOrDefault("longitude", "").isBlank();
        if ((latGiven || lonGiven) && location() == null) {
            errors.put("latitude", "位置无效，请重新获取当前位置或清除位置");
        }
        for (Chosen c : chosen(catalog)) {
            if (OTHER.equals(c.item()) && c.note() == null) {
                errors.put("note_C12", "“其他问题”需要写明情况");
            }
            if (OTHER.equals(c.item()) && otherDeduction() == null) {
                errors.put("deduction_C12", "“其他问题”需要填写 1–20 分的扣分");
            }
            if (c.note() != null && c.note().length() > MAX_NOTE) {
                errors.put("note_" + c.item(), "说明不超过 " + MAX_NOTE + " 字");
            }
        }
        return errors;
    }

    /** The visit as JSON; {@code photos}: item → the stored photo's file name, its evidence. */
    Map<String, Object> toJson(String visitId, List<ChecklistItem> catalog, Map<String, String> photos) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Chosen c : chosen(catalog)) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("item", c.item());
            if (c.severity() != null) {
                f.put("severity", c.severity());
            }
            if (c.note() != null) {
                f.put("note", c.note());
            }
            if (OTHER.equals(c.item())) {
                f.put("deduction", otherDeduction());
            }
            if (photos.containsKey(c.item())) {
                f.put("evidence", List.of(photos.get(c.item())));
            }
            findings.add(f);
        }
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitId", visitId);
        visit.put("orgCode", org);
        visit.put("date", date);
        visit.put("mode", mode);
        visit.put("team", team.strip());
        visit.put("inspectors", inspectorNames());
        GeoLocation at = location();
        if (at != null) {
            visit.put("location", Map.of("lat", at.lat(), "lon", at.lon()));
        }
        visit.put("findings", findings);
        return visit;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
