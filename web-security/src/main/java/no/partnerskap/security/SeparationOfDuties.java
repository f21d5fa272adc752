package no.partnerskap.security;

import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAnyRole;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;
import static org.springframework.security.authorization.AuthorizationManagers.allOf;
import static org.springframework.security.authorization.AuthorizationManagers.not;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Auditors stay independent of the history they verify: a token that holds AUDITOR changes
 * nothing (no command, no checkpoint, no rebuild), whatever other role it also holds.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    /** One of the roles, and not an auditor. */
    public static AuthorizationManager<RequestAuthorizationContext> changesBy(String... roles) {
        return allOf(hasAnyRole(roles), not(hasRole(Role.AUDITOR.name())));
    }
}
