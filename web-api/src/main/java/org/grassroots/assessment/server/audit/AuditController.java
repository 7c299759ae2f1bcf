package org.grassroots.assessment.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.grassroots.assessment.server.web.DateBounds;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail (审计日志), for administrators: list entries, verify the hash chain. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final int MAX_SIZE = 1000;

    private final AuditRepository repository;
    private final ChainVerifier verifier;
    private final Clock clock;

    AuditController(AuditRepository repository, ChainVerifier verifier, Clock clock) {
        this.repository = repository;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Operation(summary = "审计日志 The audit trail",
            description = "每次写操作的记录（谁、何时、从哪里、做了什么、内容摘要），新的在前，分页。"
                    + " Every write (who, when, from where, what, SHA-256 of the content), newest first, paged.")
    @GetMapping
    AuditPage list(
            @Parameter(description = "操作人 who, exactly") @RequestParam(required = false) String actor,
            @Parameter(description = "操作 e.g. IMPORT, VISIT_RECORDED, EVALUATION_RUN") @RequestParam(required = false)
            String action,
            @Parameter(description = "对象，如 evaluation:17（也匹配其下的 evaluation:17/…）；以 * 结尾为前缀匹配，如 visit:*"
                    + " the target, exactly (and what is below it), or a prefix when it ends with *")
            @RequestParam(required = false) String target,
            @Parameter(description = "起（含） from, inclusive: a date 2026-10-01 (the district's day) or an instant"
                    + " 2026-10-01T08:00:00Z") @RequestParam(required = false) String from,
            @Parameter(description = "止（含） to, inclusive: a date (the whole day) or an instant")
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidRequestException("/page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("/size", "must be 1 … " + MAX_SIZE);
        }
        String t = blankToNull(target);
        boolean prefix = t != null && t.endsWith("*");
        if (prefix) {
            t = t.substring(0, t.length() - 1);
        }
        AuditFilter filter = new AuditFilter(blankToNull(actor), blankToNull(action), t, prefix,
                time("/from", from, false), time("/to", to, true));
        return repository.find(filter, page, size);
    }

    @Operation(summary = "校验审计链 Verify the audit chain",
            description = "按顺序重算每条记录的哈希及与前一条的链接，报告第一处断裂（被改动或删除的记录）。不改动任何数据。"
                    + " Recomputes every entry's hash and its link to the previous one, in order; reports the first"
                    + " broken link (an altered row, a missing seq). Changes nothing.")
    @GetMapping("/verify")
    ChainVerification verify() {
        return verifier.verify();
    }

    /** A date (its start, or for {@code to} the next day's start) in the district's zone, or an instant. */
    private Instant time(String path, String text, boolean end) {
        String s = blankToNull(text);
        if (s == null) {
            return null;
        }
        try {
            if (s.length() == 10) {
                LocalDate date = DateBounds.check(path, LocalDate.parse(s));
                return (end ? date.plusDays(1) : date).atStartOfDay(clock.getZone()).toInstant();
            }
            OffsetDateTime time = OffsetDateTime.parse(s);
            DateBounds.check(path, time.toLocalDate());
            Instant instant = time.toInstant();
            return end ? instant.plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(path, "must be a date YYYY-MM-DD or an instant such as"
                    + " 2026-10-01T08:00:00Z, got \"" + s + "\"");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
