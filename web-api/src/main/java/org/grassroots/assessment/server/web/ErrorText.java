package org.grassroots.assessment.server.web;

import org.springframework.http.HttpStatus;

/**
 * What an error that no handler of the application explained says to the reader: a Chinese title
 * and a detail in Chinese and English, by status. Used for the errors the servlet container and
 * the security filters report ({@link ErrorResponses}, {@link ContainerErrors}).
 */
public final class ErrorText {

    private ErrorText() {
    }

    public static HttpStatus status(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    public static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求无法处理";
            case UNAUTHORIZED -> "需要登录";
            case FORBIDDEN -> "无权访问";
            case NOT_FOUND -> "未找到";
            case METHOD_NOT_ALLOWED -> "不支持的请求方法";
            case NOT_ACCEPTABLE -> "无法提供所要求的格式";
            case CONTENT_TOO_LARGE -> "请求体过大";
            case URI_TOO_LONG -> "地址过长";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的请求格式";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "请求头过大";
            default -> status.is4xxClientError() ? "请求无法处理" : "服务器内部错误";
        };
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求的地址或格式不合规范（例如地址中含有“;”、编码的“/”或控制字符）。"
                    + " The request's address or form is not allowed (such as ';', an encoded '/' or a control"
                    + " character in the path).";
            case UNAUTHORIZED -> "请先登录。 Sign in first.";
            case FORBIDDEN -> "当前用户无权进行此操作。 The signed-in user may not do this.";
            case NOT_FOUND -> "所请求的地址不存在。 Nothing is found at this address.";
            case METHOD_NOT_ALLOWED -> "此地址不支持该请求方法。 This address does not take this request method.";
            case CONTENT_TOO_LARGE -> "请求体超过上限。 The request body is over the limit.";
            default -> status.is4xxClientError()
                    ? "请求无法处理（" + status.value() + "）。 The request cannot be handled (" + status.value() + ")."
                    : "服务器处理请求时出错，请联系管理员。 The server failed to handle the request; tell the administrator.";
        };
    }

    /** What a page says (Chinese only; the API's detail keeps its English too): what happened and what to do. */
    public static String pageDetail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求的地址或参数不正确，请返回上一页重新操作。";
            case UNAUTHORIZED -> "请先登录。";
            case FORBIDDEN -> "您的账号无权查看此页面或进行此操作。如需权限，请联系系统管理员。";
            case NOT_FOUND -> "您要找的页面不存在，可能地址有误或内容已被删除。";
            case METHOD_NOT_ALLOWED -> "此页面不能这样打开（例如提交表单的地址不能直接在地址栏中打开），请从首页进入。";
            case CONTENT_TOO_LARGE -> "上传的内容超过上限。";
            default -> status.is4xxClientError() ? "请求无法处理（" + status.value() + "），请返回上一页重新操作。"
                    : "服务器处理请求时出错，请稍后再试或联系系统管理员。";
        };
    }

    /** Whether a browser page asked (an HTML error page), rather than an API client (problem JSON). */
    public static boolean wantsPage(String uri, String accept) {
        String path = uri == null ? "" : uri;
        boolean api = path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs");
        return !api && accept != null && accept.contains("text/html");
    }
}
