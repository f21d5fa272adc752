package no.partnerskap.commitments.organisation;

import static no.partnerskap.commitments.shared.Violations.violates;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRegistered;
import no.partnerskap.api.organisation.OrganisationEvent.OrganisationRenamed;
import no.partnerskap.api.organisation.Sector;
import no.partnerskap.commitments.organisation.OrganisationCommands.RegisterOrganisation;
import no.partnerskap.commitments.organisation.OrganisationCommands.RenameOrganisation;
import no.partnerskap.commitments.shared.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganisationTest {

    /** Brønnøysundregistrene's own number: passes the mod-11 check. */
    private static final String VALID_NUMBER = "974760673";
    private static final String OTHER_VALID_NUMBER = "923609016";

    private static final UUID ORGANISATION = UUID.randomUUID();

    private FixtureConfiguration<Organisation> fixture;
    private FakeRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        registry = new FakeRegistry();
        fixture.registerInjectableResource(registry);
    }

    @Test
    void register_organisation() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ORGANISATION, "Brønnøysundregistrene", VALID_NUMBER,
                        Sector.PUBLIC_STATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrganisationRegistered(ORGANISATION, "Brønnøysundregistrene", VALID_NUMBER,
                        Sector.PUBLIC_STATE));
    }

    @Test
    void organisation_number_must_be_valid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ORGANISATION, "Wrong check digit", "974760674", Sector.BUSINESS))
                .expectException(violates(RuleViolation.class, "organisation-number-must-be-valid"))
                .expectNoEvents();
    }

    @Test
    void organisation_number_must_be_nine_digits() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ORGANISATION, "Too short", "97476067", Sector.BUSINESS))
                .expectException(violates(RuleViolation.class, "organisation-number-must-be-valid"))
                .expectNoEvents();
    }

    @Test
    void organisation_number_registers_once() {
        registry.register(UUID.randomUUID(), VALID_NUMBER);

        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ORGANISATION, "Second registration", VALID_NUMBER, Sector.OTHER))
                .expectException(violates(RuleViolation.class, "organisation-number-registers-once"))
                .expectNoEvents();
    }

    @Test
    void another_number_registers_even_when_others_exist() {
        registry.register(UUID.randomUUID(), OTHER_VALID_NUMBER);

        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ORGANISATION, "Brønnøysundregistrene", VALID_NUMBER,
                        Sector.PUBLIC_STATE))
                .expectEvents(new OrganisationRegistered(ORGANISATION, "Brønnøysundregistrene", VALID_NUMBER,
                        Sector.PUBLIC_STATE));
    }

    @Test
    void rename_organisation_carries_the_previous_name() {
        fixture.given(new OrganisationRegistered(ORGANISATION, "Old name", VALID_NUMBER, Sector.ACADEMIA))
                .when(new RenameOrganisation(ORGANISATION, "New name", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrganisationRenamed(ORGANISATION, "Old name", "New name"));
    }

    @Test
    void a_rename_to_the_name_it_has_is_refused() {
        fixture.given(new OrganisationRegistered(ORGANISATION, "Old name", VALID_NUMBER, Sector.BUSINESS))
                .when(new RenameOrganisation(ORGANISATION, "Old name", null))
                .expectException(violates(RuleViolation.class, "rename-changes-the-name"))
                .expectNoEvents();
    }

    @Test
    void second_rename_carries_the_name_from_the_first() {
        fixture.given(new OrganisationRegistered(ORGANISATION, "Old name", VALID_NUMBER, Sector.ACADEMIA),
                        new OrganisationRenamed(ORGANISATION, "Old name", "Middle name"))
                .when(new RenameOrganisation(ORGANISATION, "New name", null))
                .expectEvents(new OrganisationRenamed(ORGANISATION, "Middle name", "New name"));
    }

    /** The registry the command side would read from its lookup table, in memory. */
    static final class FakeRegistry implements OrganisationRegistry {

        private final Map<String, UUID> byNumber = new HashMap<>();

        void register(UUID organisationId, String number) {
            byNumber.put(number, organisationId);
        }

        @Override
        public boolean isRegistered(UUID organisationId) {
            return byNumber.containsValue(organisationId);
        }

        @Override
        public Optional<UUID> findByNumber(String organisationNumber) {
            return Optional.ofNullable(byNumber.get(organisationNumber));
        }
    }
}
