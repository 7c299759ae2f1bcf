package org.grassroots.assessment.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A member record's vanguard titles (五先锋), or why they earned none (V-00). */
public record MemberResult(
        String memberId,
        String orgCode,
        List<VanguardTitle> titles,
        @JsonInclude(JsonInclude.Include.NON_NULL) String disqualified) {

    public MemberResult {
        titles = List.copyOf(titles);
    }
}
