package no.partnerskap.commitments.web;

import java.util.Optional;
import java.util.UUID;
import no.partnerskap.commitments.shared.NotPermitted;
import no.partnerskap.security.Caller;
import no.partnerskap.security.Role;

/**
 * Everything about a write request besides its body: who calls, for which organisation, the
 * version the client expects (If-Match), its Idempotency-Key and correlation id.
 */
public record WriteContext(Caller caller, Optional<UUID> organisationId, Long expectedVersion,
                           String idempotencyKey, String correlationId, String requestFingerprint) {

    public boolean isSecretariat() {
        return caller.has(Role.SECRETARIAT);
    }

    /** The secretariat may do this; anyone else gets 403. */
    public void requireSecretariat() {
        if (!isSecretariat()) {
            throw new Forbidden("only the secretariat may do this");
        }
    }

    /**
     * A partner acting for its own organisation, or the secretariat. The organisation a partner
     * names in a request must be its own.
     */
    public void requirePartnerFor(UUID organisation) {
        if (isSecretariat()) {
            return;
        }
        if (!caller.has(Role.PARTNER)) {
            throw new Forbidden("only a partner or the secretariat may do this");
        }
        if (!actingOrganisation().equals(organisation)) {
            // the rule a partner breaks acting on another's commitment, named the same for a client to branch on
            throw new NotPermitted("partners-act-on-own-commitments", "a partner acts only for its own organisation: "
                    + "the token names " + organisationId.get() + ", the request " + organisation);
        }
    }

    /**
     * For commands a partner may give on its own organisation's commitments: null when the
     * secretariat acts (it may act for any), the partner's organisation otherwise. The
     * aggregate refuses a partner acting on another organisation's commitment.
     */
    public UUID partnerActingFor() {
        if (isSecretariat()) {
            return null;
        }
        if (!caller.has(Role.PARTNER)) {
            throw new Forbidden("only a partner or the secretariat may do this");
        }
        return actingOrganisation();
    }

    /**
     * For a command that creates an aggregate: there is no version yet for If-Match to name, so a request
     * naming one fails its precondition (412) rather than have the header ignored.
     */
    public void requireNoVersionNamed() {
        if (expectedVersion != null) {
            throw NothingToMatch.onCreation(expectedVersion);
        }
    }

    /** The organisation a partner acts for; 403 when the token names none that is registered. */
    public UUID actingOrganisation() {
        return organisationId.orElseThrow(() -> new Forbidden("the token names no registered organisation (claim "
                + "org): a partner acts for the organisation its token names, so ask its issuer for one that does"));
    }
}
