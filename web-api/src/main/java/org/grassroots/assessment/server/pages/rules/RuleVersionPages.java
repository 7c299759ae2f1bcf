package org.grassroots.assessment.server.pages.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring;
import org.grassroots.assessment.server.ruleset.RuleSetAuthoring.FileDiff;
import org.grassroots.assessment.server.ruleset.RulesInForce;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The files of any stored version, shown with line numbers and downloadable one by one or as a zip,
 * and the differences between two versions, file by file.
 */
@Controller
class RuleVersionPages {

    private final RuleSetAuthoring rules;
    private final RulesInForce inForce;

    RuleVersionPages(RuleSetAuthoring rules, RulesInForce inForce) {
        this.rules = rules;
        this.inForce = inForce;
    }

    /** A file of a version as the page shows it: its lines, numbered. */
    public record ShownFile(String name, List<String> lines) {
    }

    /** A line of a unified diff and its kind (add, del, hunk, head or same) for its colour. */
    public record DiffLine(String text, String kind) {

        static List<DiffLine> of(String diff) {
            return Arrays.stream(diff.split("\n", -1)).filter(l -> !l.isEmpty()).map(l -> new DiffLine(l,
                    l.startsWith("+++") || l.startsWith("---") ? "head"
                            : l.startsWith("@@") ? "hunk" : l.startsWith("+") ? "add" : l.startsWith("-") ? "del" : "same"))
                    .toList();
        }
    }

    /** A changed file of a diff, with its lines. */
    public record ShownDiff(String file, String change, List<DiffLine> lines) {

        static ShownDiff of(FileDiff d) {
            return new ShownDiff(d.file(), switch (d.change()) {
                case "ADDED" -> "新增";
                case "REMOVED" -> "删除";
                default -> "修改";
            }, DiffLine.of(d.diff()));
        }
    }

    @GetMapping("/rules/versions/{id}")
    String version(@PathVariable long id, Model model) {
        RulesInForce.VersionDetail detail = rules.detail(id);
        model.addAttribute("version", detail.version());
        model.addAttribute("files", detail.files().entrySet().stream()
                .map(e -> new ShownFile(e.getKey(), Arrays.asList(e.getValue().split("\n", -1)))).toList());
        return "rules/version";
    }

    /** One file of a version, as a download. */
    @GetMapping("/rules/versions/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable long id, @RequestParam String name) {
        SortedMap<String, String> files = rules.detail(id).files();
        String content = files.get(name);
        if (content == null) {
            throw new NotFoundException("版本 #" + id + " 中没有文件 " + name);
        }
        return download(content.getBytes(StandardCharsets.UTF_8), name.substring(name.lastIndexOf('/') + 1),
                new MediaType("text", "plain", StandardCharsets.UTF_8));
    }

    /** Every file of a version in one zip, with the folders they have in the set (scenarios/...). */
    @GetMapping("/rules/versions/{id}/files.zip")
    ResponseEntity<byte[]> zip(@PathVariable long id) {
        RulesInForce.VersionDetail detail = rules.detail(id);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : detail.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String label = detail.version().version().replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return download(bytes.toByteArray(), "规则集-" + label + "-" + id + ".zip", MediaType.parseMediaType("application/zip"));
    }

    /** Two versions compared; by default the active one against the newest other. */
    @GetMapping("/rules/diff")
    String diff(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to, Model model) {
        List<RulesInForce.VersionView> versions = rules.list();
        Long activeId = inForce.active().id();
        Long left = from != null ? from : activeId;
        Long right = to != null ? to
                : versions.stream().map(RulesInForce.VersionView::id).filter(v -> !v.equals(left)).findFirst().orElse(left);
        model.addAttribute("versions", versions);
        model.addAttribute("from", left);
        model.addAttribute("to", right);
        if (left != null && right != null) {
            RuleSetAuthoring.VersionDiff diff = rules.diff(left, right);
            model.addAttribute("diff", diff);
            model.addAttribute("changes", diff.files().stream().map(ShownDiff::of).toList());
        }
        return "rules/diff";
    }

    private static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
