package org.grassroots.assessment.server.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.grassroots.assessment.model.DemonstrationLevel;
import org.grassroots.assessment.model.EnterpriseCategory;
import org.grassroots.assessment.model.OrgLevel;
import org.grassroots.assessment.model.OrgType;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.model.GeoLocation;

/** Rows of organization and period_facts as the engine's records. */
final class FactRows {

    private FactRows() {
    }

    static Organization organization(ResultSet rs) throws SQLException {
        String category = rs.getString("enterprise_category");
        return new Organization(rs.getString("code"), rs.getString("name"), OrgType.valueOf(rs.getString("type")),
                OrgLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
                category == null ? null : EnterpriseCategory.valueOf(category), rs.getBoolean("has_party_groups"));
    }

    /** An organization with its location (columns latitude and longitude besides those of {@link #organization}). */
    static Organization locatedOrganization(ResultSet rs) throws SQLException {
        Double lat = rs.getObject("latitude", Double.class);
        Double lon = rs.getObject("longitude", Double.class);
        return organization(rs).withLocation(lat == null || lon == null ? null : new GeoLocation(lat, lon));
    }

    static PeriodFacts facts(ResultSet rs) throws SQLException {
        return new PeriodFacts(
                rs.getString("org_code"),
                rs.getString("period"),
                rs.getInt("branch_general_meetings"),
                rs.getInt("committee_meetings"),
                rs.getInt("party_group_meetings"),
                rs.getInt("party_lectures"),
                rs.getInt("theme_party_days"),
                rs.getInt("study_days"),
                rs.getInt("village_committee_meetings"),
                rs.getInt("volunteer_activities"),
                rs.getBoolean("organizational_life_meeting_held"),
                rs.getBoolean("democratic_review_held"),
                rs.getDouble("study_attendance_rate"),
                rs.getDouble("mass_satisfaction"),
                rs.getInt("members"),
                rs.getInt("new_members"),
                rs.getInt("years_since_last_new_member"),
                rs.getInt("floating_members"),
                rs.getInt("floating_members_in_contact"),
                rs.getBoolean("floating_ledger_up_to_date"),
                rs.getInt("secretary_vacant_months"),
                rs.getInt("committee_seats_required"),
                rs.getInt("committee_seats_filled"),
                rs.getInt("discipline_cases_leadership"),
                rs.getInt("discipline_cases_members"),
                rs.getBoolean("has_service_center"),
                rs.getBoolean("center_signage"),
                rs.getBoolean("center_appearance"),
                rs.getBoolean("center_equipment"),
                rs.getBoolean("center_atmosphere"),
                rs.getBoolean("integration_working_body"),
                rs.getBoolean("integration_cross_appointment"),
                rs.getBoolean("integration_shared_venue"),
                rs.getBoolean("integration_joint_activities"),
                rs.getBoolean("integration_joint_systems"),
                rs.getBigDecimal("reserve_fund_balance_yuan").doubleValue(),
                rs.getBigDecimal("collective_income_yuan").doubleValue(),
                rs.getBoolean("guide_assigned"),
                rs.getBoolean("contact_point_assigned"),
                rs.getBoolean("first_secretary_assigned"),
                rs.getInt("disputes_unresolved"),
                rs.getInt("petitions_repeated"),
                DemonstrationLevel.valueOf(rs.getString("demonstration_level")));
    }
}
