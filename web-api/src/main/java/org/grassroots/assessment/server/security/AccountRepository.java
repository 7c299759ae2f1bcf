package org.grassroots.assessment.server.security;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data repository of {@link Account}s; the security code uses it through {@link UserAccounts}. */
interface AccountRepository extends JpaRepository<Account, String> {

    List<Account> findAllByOrderByUsernameAsc();

    long countByRoleAndEnabledTrue(String role);
}
