package org.grassroots.assessment.server.planning;

import java.time.Clock;
import java.time.LocalDate;
import org.grassroots.assessment.server.evaluation.InspectorCalibration;
import org.grassroots.assessment.server.security.Role;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.web.DateBounds;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who may see the inspector calibration (督查校准) and for which days: the office (EVALUATOR), the
 * administrators and the inspection lead (督查组长, an inspector with the lead flag); other inspectors
 * get 403 (it compares their colleagues). Recorded visits only: planned visits stay secret.
 */
@Service
public class Calibrations {

    private final InspectorCalibration calibration;
    private final InspectorProfiles profiles;
    private final Clock clock;

    Calibrations(InspectorCalibration calibration, InspectorProfiles profiles, Clock clock) {
        this.calibration = calibration;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Whether the user may see the calibration. */
    public boolean allowed(SignedInUser user) {
        if (user == null) {
            return false;
        }
        if (user.role() == Role.ADMIN || user.role() == Role.EVALUATOR) {
            return true;
        }
        return user.role() == Role.INSPECTOR
                && profiles.findById(user.username()).map(InspectorProfile::isLead).orElse(false);
    }

    /**
     * The calibration from {@code from} (default 1 January of the end's year) to {@code to} (default
     * today); 400 when the range is reversed or out of the supported years, 403 for anyone else.
     */
    public InspectorCalibration.Answer of(LocalDate from, LocalDate to, SignedInUser user) {
        if (!allowed(user)) {
            throw new AccessDeniedException("督查校准仅供督查组长、考核办和管理员查看");
        }
        LocalDate end = DateBounds.check("/to", to != null ? to : LocalDate.now(clock));
        LocalDate start = DateBounds.check("/from", from != null ? from : end.withDayOfYear(1));
        if (start.isAfter(end)) {
            throw new InvalidRequestException("/from", "开始日期不能晚于结束日期 from must not be after to");
        }
        return calibration.of(start, end);
    }
}
