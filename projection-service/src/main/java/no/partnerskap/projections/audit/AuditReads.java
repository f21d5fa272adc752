package no.partnerskap.projections.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import no.partnerskap.api.commitment.CommitmentEvent;
import no.partnerskap.api.partnership.PartnershipEvent.PartnershipEstablished;
import no.partnerskap.projections.commitment.CommitmentQueries;
import no.partnerskap.projections.history.EventHistory;
import no.partnerskap.projections.history.EventHistory.Selection;
import no.partnerskap.projections.history.PointInTime;
import no.partnerskap.projections.history.StoredEvent;
import no.partnerskap.projections.organisation.OrganisationView;
import no.partnerskap.projections.partnership.PartnershipQueries;
import no.partnerskap.projections.web.InvalidParameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** What auditors read: the stored history as it is, and the read models as they were at an instant. */
@Component
class AuditReads {

    /** An aggregate's (or a partner's) history in global order: the shape it is streamed in. */
    record History(String type, String id, List<AuditEvent> events) {
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final EventHistory history;
    private final PointInTime pointInTime;
    private final PartnershipQueries partnerships;
    private final CommitmentQueries commitments;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    AuditReads(EventHistory history, PointInTime pointInTime, PartnershipQueries partnerships,
               CommitmentQueries commitments, Clock clock, PlatformTransactionManager transactions) {
        this.history = history;
        this.pointInTime = pointInTime;
        this.partnerships = partnerships;
        this.commitments = commitments;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The aggregate's type; 404 when no aggregate of that type has that id. */
    AuditType existing(String typePath, UUID id) {
        AuditType type = type(typePath, id);
        if (!history.aggregateType(id.toString()).map(type.storedType::equals).orElse(false)) {
            throw AuditProblem.notFound("no " + type.path + " " + id);
        }
        return type;
    }

    /** Streams an aggregate's events in global order (one read-only transaction, rows by the fetch size). */
    void events(UUID id, Consumer<AuditEvent> sink) {
        stream(new Selection(null, null, null, List.of(id.toString()), null), sink);
    }

    /**
     * Streams a partner's trail: the organisation's events and every event naming it as the acting
     * organisation (memberships, commitments), a meeting's attendee or a dissenter, in global order.
     * Check {@link #existing} first.
     */
    void trail(UUID organisationId, Consumer<AuditEvent> sink) {
        stream(new Selection(null, null, null, List.of(organisationId.toString()), organisationId.toString()),
                sink);
    }

    Object asOf(String typePath, UUID id, String instant) {
        AuditType type = type(typePath, id);
        Instant at = instant(instant, "asOf");
        if (at == null) {
            throw new InvalidParameter("asOf", "is required: an ISO-8601 instant with offset");
        }
        if (at.isAfter(clock.instant())) {
            // the state "as of" a time to come would be today's, with overdue counted by a day not yet here
            throw new InvalidParameter("asOf", "must not be in the future (now is " + clock.instant() + "), not '"
                    + instant + "'");
        }
        List<StoredEvent> own = history.read(new Selection(null, null, at, List.of(id.toString()), null));
        if (own.stream().anyMatch(e -> !type.storedType.equals(e.aggregateType()))) {
            throw AuditProblem.notFound("no " + type.path + " " + id);
        }
        if (own.isEmpty()) {
            throw AuditProblem.notFound("no " + type.path + " " + id + " at " + at);
        }
        Clock then = Clock.fixed(at, clock.getZone());
        Selection until = new Selection(null, null, at, involved(type, own, at), null);
        Optional<?> state = switch (type) {
            case PARTNERSHIP -> pointInTime.query(until, jdbc -> partnerships.at(then).one(id));
            case COMMITMENT -> pointInTime.query(until, jdbc -> commitments.at(then).one(id));
            case ORGANISATION -> pointInTime.query(until, jdbc -> OrganisationView.find(jdbc, id));
        };
        return state.orElseThrow(() -> AuditProblem.notFound("no " + type.path + " " + id + " at " + at));
    }

    /**
     * Streams the events between the instants (inclusive; null is open) in global order, as one unbroken run of
     * positions ({@link EventHistory#stampedBetween}). One read-only transaction, so PostgreSQL hands out rows by
     * the fetch size instead of all at once.
     */
    void export(Instant from, Instant to, Consumer<AuditEvent> sink) {
        readOnly.executeWithoutResult(status -> history.forEach(from == null && to == null ? Selection.all()
                : history.stampedBetween(from, to), stored -> sink.accept(AuditEvent.of(stored))));
    }

    private void stream(Selection selection, Consumer<AuditEvent> sink) {
        readOnly.executeWithoutResult(status -> history.forEach(selection, stored -> sink.accept(AuditEvent.of(stored))));
    }

    /** Parses an ISO-8601 instant with offset ("2027-01-01T10:00:00+01:00" or "...Z"); null when absent. */
    static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // an unencoded '+' in a query string arrives as a space
        String value = text.trim().replace(' ', '+');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be an ISO-8601 instant with offset, "
                    + "e.g. 2027-01-01T10:00:00+01:00, not '" + text + "'");
        }
        // PostgreSQL holds no time before year 1 (BC) nor much beyond
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidParameter(name, "must be an instant in the years 1 to 9999, not '" + text + "'");
        }
        return instant;
    }

    /**
     * The aggregates whose events the state at an instant is rebuilt from, rather than the whole history
     * up to it (seconds on a large store): a commitment's row shows its partnership's and partner's
     * names; an organisation's only itself; a partnership's dashboard its members' names and its
     * commitments, with their partners' names.
     */
    private List<String> involved(AuditType type, List<StoredEvent> own, Instant at) {
        String id = own.get(0).aggregateId();
        return switch (type) {
            case COMMITMENT -> {
                CommitmentEvent recorded = (CommitmentEvent) history.asMessage(own.get(0)).getPayload();
                yield List.of(id, recorded.partnershipId().toString(), recorded.organisationId().toString());
            }
            case ORGANISATION -> List.of(id);
            case PARTNERSHIP -> {
                List<String> ids = new ArrayList<>(history.organisationsCommitmentsAndNetworksOf(id, at));
                ids.add(id);
                // a thematic network shows its strategic partnership's name
                PartnershipEstablished established = (PartnershipEstablished) history.asMessage(own.get(0))
                        .getPayload();
                if (established.parentPartnershipId() != null) {
                    ids.add(established.parentPartnershipId().toString());
                }
                yield ids;
            }
        };
    }

    private static AuditType type(String typePath, UUID id) {
        return AuditType.fromPath(typePath)
                .orElseThrow(() -> AuditProblem.notFound("no " + typePath + " " + id
                        + ": the type is one of organisation, partnership, commitment"));
    }
}
