package org.grassroots.assessment.server.organization;

import org.grassroots.assessment.server.web.ConflictException;

/** Another write (an import, say) held or took the same rows; nothing was written (409, try again). */
public class ConcurrentWriteException extends ConflictException {

    public ConcurrentWriteException() {
        super("数据正被同时进行的其他写入（如导入）占用，本次未写入任何数据，请稍后重试");
    }
}
