package org.grassroots.assessment.server.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.core.exc.StreamConstraintsException;
import java.net.URI;
import java.util.List;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Validation failures list every problem with its path
 * under {@code errors}; nothing internal (stack traces, SQL) reaches the client.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BundleValidationException.class)
    ProblemDetail invalidBundle(BundleValidationException e) {
        return invalid("数据校验未通过：共 " + e.problems().size() + " 个问题", e.problems());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return invalid(e.getMessage(), e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "冲突", e.getMessage());
    }

    /**
     * Rule work stopped by a limit: 422 when the rule set loops (its own fault: the detail names the
     * rule), 503 with {@code Retry-After} when the work ran over its time limit (the detail names
     * the limit). Nothing was stored.
     */
    @ExceptionHandler(ExecutionStoppedException.class)
    ResponseEntity<ProblemDetail> stopped(ExecutionStoppedException e) {
        log.warn("rule work stopped: {}", e.getMessage());
        if (e.reason() == ExecutionStoppedException.Reason.FIRING_LIMIT) {
            ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "规则集陷入循环", e.getMessage());
            if (e.rule() != null) {
                p.setProperty("rule", e.rule());
            }
            return ResponseEntity.unprocessableContent().body(p);
        }
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "运行超时", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)).body(p);
    }

    /** When a client may try work that ran out of time again (the machine may be less busy then). */
    public static final long RETRY_AFTER_SECONDS = 60;

    /**
     * Someone else changed the same thing first (Hibernate's {@code @Version}, or the JDBC writers'
     * version check): nothing of this request was stored; read it again and decide again.
     */
    @ExceptionHandler({ObjectOptimisticLockingFailureException.class, OptimisticLockException.class})
    ProblemDetail concurrentChange(Exception e) {
        log.info("refused a concurrent change: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "并发修改冲突", "该记录刚被其他人或其他操作（如考评同步整改台账）修改，本次操作未保存。"
                + "请刷新后查看最新状态再重试。");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        DateBounds.OutOfRange date = cause(e, DateBounds.OutOfRange.class);
        if (date != null) {
            return invalid("参数 " + e.getName() + " 不是有效日期：" + date.getMessage(),
                    List.of(new Problem("/" + e.getName(), date.getMessage())));
        }
        return invalid("参数格式不正确", List.of(new Problem("/" + e.getName(), "cannot read \"" + e.getValue() + "\"")));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e, HttpServletRequest request, HttpServletResponse response) {
        if (asPage(request, response, HttpStatus.BAD_REQUEST)) {
            return null;
        }
        return invalid("请求不正确", List.of(new Problem("", e.getMessage())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        if (asPage(request, response, HttpStatus.FORBIDDEN)) {
            return null;
        }
        return problem(HttpStatus.FORBIDDEN, "无权访问", "当前用户的角色无权进行此操作 the signed-in user's role may not do this");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        RequestSizeLimit.TooLargeException tooLarge = tooLarge(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        log.error("unexpected error", e);
        if (asPage(request, response, HttpStatus.INTERNAL_SERVER_ERROR)) {
            return null;
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "服务器处理请求时出错，请联系管理员。");
    }

    /**
     * Spring MVC's own refusals (a method the address does not take, a missing parameter, an address
     * where nothing is, ...): problem details for the API; for a browser's page request the Chinese
     * error page (issue 14, defect 3: never raw JSON in a browser).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest web && web.getResponse() != null
                && asPage(web.getRequest(), web.getResponse(), ErrorText.status(statusCode.value()))) {
            return null;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /**
     * For a browser asking for a page (not the API): the servlet container's error dispatch renders
     * the Chinese error page ({@link ErrorResponses}) with this status; true when it was so sent.
     */
    private static boolean asPage(HttpServletRequest request, HttpServletResponse response, HttpStatus status) {
        if (!ErrorText.wantsPage(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT))
                || response.isCommitted()) {
            return false;
        }
        try {
            response.sendError(status.value());
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problem("/" + f.getField().replace('.', '/'), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid("请求校验未通过", problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestSizeLimit.TooLargeException tooLarge = tooLarge(ex);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        if (cause(ex, StreamConstraintsException.class) != null) {
            return ResponseEntity.badRequest().body(invalid("请求体超出解析限制",
                    List.of(new Problem("", "the JSON nests too deeply or holds a string that is too long"))));
        }
        // the parser's own text can name internal classes; say what is wrong in plain words
        return ResponseEntity.badRequest().body(invalid("请求体不是有效的 JSON",
                List.of(new Problem("", "the request body is not valid JSON of the expected shape"))));
    }

    private static ProblemDetail tooLarge(RequestSizeLimit.TooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "请求体过大", "请求体超过 " + e.limit()
                + " 字节的上限 the request body is over the limit of " + e.limit() + " bytes");
    }

    private static RequestSizeLimit.TooLargeException tooLarge(Throwable e) {
        return cause(e, RequestSizeLimit.TooLargeException.class);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ProblemDetail invalid(String detail, List<Problem> problems) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "数据校验未通过", detail);
        // the engine's Problem records as they are: path, then message, in every server start
        p.setProperty("errors", List.copyOf(problems));
        return p;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }
}
