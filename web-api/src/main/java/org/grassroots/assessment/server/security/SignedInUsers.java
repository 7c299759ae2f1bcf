package org.grassroots.assessment.server.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Reads users for Spring Security's password check. */
@Service
class SignedInUsers implements UserDetailsService {

    private final UserAccounts accounts;

    SignedInUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username).map(SignedInUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
