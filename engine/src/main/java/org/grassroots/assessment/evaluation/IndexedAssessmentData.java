package org.grassroots.assessment.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.Visit;

/**
 * Evaluation data answered from a {@link RecordIndex}; subclasses fill the index and say where a
 * finding's lifecycle steps come from (the bundle's dates, the database's ledger).
 */
public abstract class IndexedAssessmentData implements AssessmentData {

    protected final RecordIndex index = new RecordIndex();

    @Override
    public List<Organization> organizationsWithFacts(Period period) {
        return index.organizationsWithFacts(period);
    }

    @Override
    public PeriodFacts facts(String orgCode, Period period) {
        return index.facts(orgCode, period);
    }

    @Override
    public List<MemberRecord> members(String orgCode, Period period) {
        return index.members(orgCode, period);
    }

    @Override
    public List<Visit> visitsUpTo(String orgCode, LocalDate date) {
        return index.visitsUpTo(orgCode, date);
    }
}
