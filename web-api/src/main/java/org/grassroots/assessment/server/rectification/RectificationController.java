package org.grassroots.assessment.server.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.evaluation.RectificationSource;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.server.security.Visibility;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rectification list (整改台账) and its lifecycle steps. */
@RestController
@RequestMapping("/api/rectifications")
class RectificationController {

    private static final int MAX_EVIDENCE = 20;
    private static final int MAX_TEXT = 2000;

    private final RectificationQuery query;
    private final RectificationLifecycle lifecycle;
    private final AccessScope scope;
    private final Actor actor;

    RectificationController(RectificationQuery query, RectificationLifecycle lifecycle, AccessScope scope,
            Actor actor) {
        this.actor = actor;
        this.query = query;
        this.lifecycle = lifecycle;
        this.scope = scope;
    }

    record SubmitRequest(List<String> evidence, String note) {
    }

    record VerifyRequest(String note) {
    }

    record RejectRequest(String reason) {
    }

    @GetMapping
    RectificationList list(@RequestParam(required = false) String orgCode,
            @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) Set<RectificationStatus> status,
            @RequestParam(required = false) RectificationSource source,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        if (page < 0 || (size != null && (size < 1 || size > 10_000))) {
            throw new InvalidRequestException("/size", "page must be ≥ 0 and size 1–10000");
        }
        Visibility visible = scope.current();
        if (!visible.unrestricted()) {
            // a representative's list is its own subtree, whatever the query names
            if (orgCode == null || orgCode.isBlank()) {
                orgCode = visible.root();
                subtree = true;
            }
            visible.require(orgCode);
        }
        RectificationList list = query.list(new RectificationFilter(orgCode, subtree, status, source, overdue,
                dueBefore, period, asOf, page, size));
        return visible.unrestricted() ? list : list.withItems(list.items().stream().map(this::shown).toList());
    }

    @GetMapping("/{id}")
    RectificationView get(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return shown(visible(query.get(id, asOf)));
    }

    @PostMapping("/{id}/submit")
    RectificationView submit(@PathVariable long id, @RequestBody SubmitRequest request) {
        visible(query.get(id, null));
        List<Problem> problems = new ArrayList<>();
        List<String> evidence = request.evidence() == null ? List.of() : request.evidence();
        if (evidence.isEmpty()) {
            problems.add(new Problem("/evidence", "submitting needs at least one piece of evidence (file name or URL)"));
        } else if (evidence.size() > MAX_EVIDENCE) {
            problems.add(new Problem("/evidence", "at most " + MAX_EVIDENCE + " pieces of evidence"));
        }
        for (int i = 0; i < evidence.size(); i++) {
            String e = evidence.get(i);
            if (e == null || e.isBlank() || e.length() > MAX_TEXT) {
                problems.add(new Problem("/evidence/" + i, "must be 1–" + MAX_TEXT + " characters"));
            }
        }
        checkLength(problems, "/note", request.note());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("整改提交未通过校验", problems);
        }
        return shown(lifecycle.submit(id, evidence, request.note()));
    }

    @PostMapping("/{id}/verify")
    RectificationView verify(@PathVariable long id, @RequestBody(required = false) VerifyRequest request) {
        String note = request == null ? null : request.note();
        List<Problem> problems = new ArrayList<>();
        checkLength(problems, "/note", note);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("核验未通过校验", problems);
        }
        return lifecycle.verify(id, note);
    }

    @PostMapping("/{id}/reject")
    RectificationView reject(@PathVariable long id, @RequestBody(required = false) RejectRequest request) {
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("/reason", "a rejection needs a reason");
        }
        List<Problem> problems = new ArrayList<>();
        checkLength(problems, "/reason", reason);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("退回未通过校验", problems);
        }
        return lifecycle.reject(id, reason);
    }

    /** The item, or 404 as for an unknown id when it belongs to an organization the user may not see. */
    private RectificationView visible(RectificationView item) {
        if (!scope.current().sees(item.orgCode())) {
            throw new NotFoundException("整改项不存在：" + item.id());
        }
        return item;
    }

    /** An organization's representative does not learn who inspected or verified: other people's names are hidden. */
    private RectificationView shown(RectificationView item) {
        return scope.organizationRepresentative() ? item.withActorsHiddenExcept(actor.current()) : item;
    }

    private static void checkLength(List<Problem> problems, String path, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(new Problem(path, "at most " + MAX_TEXT + " characters"));
        }
    }
}
