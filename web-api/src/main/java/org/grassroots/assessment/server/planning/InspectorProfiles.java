package org.grassroots.assessment.server.planning;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The inspectors' profiles (Spring Data JPA). */
public interface InspectorProfiles extends JpaRepository<InspectorProfile, String> {

    List<InspectorProfile> findAllByOrderByTeamAscUsernameAsc();
}
