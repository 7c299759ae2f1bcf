package org.grassroots.assessment.server.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rule sets: validate, drafts, what-if, versions, diff, activate (and roll back). */
@RestController
@RequestMapping("/api/rules")
class RuleSetController {

    private final RuleSetAuthoring authoring;
    private final RulesInForce inForce;

    RuleSetController(RuleSetAuthoring authoring, RulesInForce inForce) {
        this.authoring = authoring;
        this.inForce = inForce;
    }

    /** {@code files}: file name → content; {@code comment} for drafts. */
    record FilesRequest(Map<String, String> files, String comment) {
    }

    /** Compiles the set; invalid DRL is a normal answer with {@code valid=false} and every error. */
    @PostMapping(value = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    RuleSetAuthoring.Validation validate(@RequestBody(required = false) FilesRequest request) {
        return authoring.validate(request == null ? null : request.files());
    }

    @PostMapping(value = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RuleSetAuthoring.Validation validateUpload(@RequestParam("files") List<MultipartFile> files) {
        return authoring.validate(read(files));
    }

    /**
     * Runs a set's scenarios: the rules and {@code scenarios/...} files of the body, or the stored
     * version {@code versionId}. Always 200: a set that does not compile is {@code valid=false} with
     * its errors; otherwise pass/fail per scenario (failed expectations with their lines) and the rule
     * coverage over the scenarios.
     */
    @PostMapping("/test")
    RuleSetAuthoring.TestReport test(@RequestParam(required = false) Long versionId,
            @RequestBody(required = false) FilesRequest request) {
        if (versionId != null) {
            if (request != null && request.files() != null) {
                throw new InvalidRequestException("/files", "give either files or versionId, not both");
            }
            return authoring.testVersion(versionId);
        }
        return authoring.test(request == null ? null : request.files());
    }

    /** Stores a draft: 201; 400 with every compile error when it does not compile. */
    @PostMapping(value = "/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RulesInForce.VersionView> draft(@RequestBody(required = false) FilesRequest request) {
        return created(authoring.draft(request == null ? null : request.files(), request == null ? null : request.comment()));
    }

    @PostMapping(value = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RulesInForce.VersionView> draftUpload(@RequestParam("files") List<MultipartFile> files,
            @RequestParam(required = false) String comment) {
        return created(authoring.draft(read(files), comment));
    }

    /** The period's stored data evaluated with the draft and with the active set; nothing is stored. */
    @PostMapping("/drafts/{id}/what-if")
    WhatIfReport whatIf(@PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return authoring.whatIf(id, period, asOf);
    }

    /** Newest first. */
    @GetMapping("/versions")
    List<RulesInForce.VersionView> versions() {
        return authoring.list();
    }

    @GetMapping("/versions/{id}")
    RulesInForce.VersionDetail version(@PathVariable long id) {
        return authoring.detail(id);
    }

    @GetMapping("/versions/{from}/diff/{to}")
    RuleSetAuthoring.VersionDiff diff(@PathVariable long from, @PathVariable long to) {
        return authoring.diff(from, to);
    }

    @GetMapping("/active")
    RulesInForce.ActiveView active() {
        return inForce.active();
    }

    /**
     * Activates a draft or an earlier version (roll back); 400 when it does not compile or fails its
     * scenarios; 409 when it is a draft no second person approved over the set in force (four-eyes,
     * {@link RuleSetApprovalController}).
     */
    @PostMapping("/versions/{id}/activate")
    RulesInForce.VersionView activate(@PathVariable long id) {
        return inForce.activate(id);
    }

    private static ResponseEntity<RulesInForce.VersionView> created(RulesInForce.VersionView v) {
        return ResponseEntity.created(URI.create("/api/rules/versions/" + v.id())).body(v);
    }

    private static Map<String, String> read(List<MultipartFile> files) {
        Map<String, String> read = new TreeMap<>();
        for (MultipartFile f : files) {
            String name = f.getOriginalFilename() == null ? f.getName() : f.getOriginalFilename();
            name = name.replace('\\', '/');
            int scenarios = name.startsWith(RuleSetFiles.SCENARIOS) ? 0 : name.lastIndexOf("/" + RuleSetFiles.SCENARIOS);
            // a file under a scenarios/ folder keeps its path from there; any other file loses its folders
            name = scenarios >= 0 ? name.substring(scenarios == 0 ? 0 : scenarios + 1)
                    : name.substring(name.lastIndexOf('/') + 1);
            if (read.containsKey(name)) {
                throw new InvalidRequestException("/files", "the file " + name + " is uploaded twice");
            }
            try {
                read.put(name, new String(f.getBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }
}
