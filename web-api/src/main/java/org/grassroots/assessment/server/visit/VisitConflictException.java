package org.grassroots.assessment.server.visit;

import java.util.List;
import org.grassroots.assessment.server.web.ConflictException;

/** Visits with the ids of stored visits but other content: a stored visit is never changed (409). */
public class VisitConflictException extends ConflictException {

    private static final int MAX_LISTED = 20;

    private final transient List<String> visitIds;

    public VisitConflictException(List<String> visitIds) {
        super(message(visitIds));
        this.visitIds = List.copyOf(visitIds);
    }

    public List<String> visitIds() {
        return visitIds;
    }

    private static String message(List<String> ids) {
        String listed = String.join("、", ids.subList(0, Math.min(ids.size(), MAX_LISTED)))
                + (ids.size() > MAX_LISTED ? " 等 " + ids.size() + " 次" : "");
        return "检查记录 " + listed + " 已存在且内容不同：已存的检查记录不可修改，更正请新增一次检查或撤销问题（附原因）";
    }
}
