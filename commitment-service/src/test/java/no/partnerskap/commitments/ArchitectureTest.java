package no.partnerskap.commitments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain (aggregates, commands, lookup interfaces, refusals) knows Axon and the event types,
 * but neither Spring, the servlet API, JPA nor the HTTP layer. Controllers live in the
 * {@code .web} sub-packages, which these rules leave out.
 */
class ArchitectureTest {

    private static final String[] DOMAIN = {
            "..commitments.organisation",
            "..commitments.partnership",
            "..commitments.commitment",
            "..commitments.shared"
    };

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("no.partnerskap.commitments");
    }

    @Test
    void domain_does_not_depend_on_spring() {
        check(noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.."));
    }

    @Test
    void domain_does_not_depend_on_the_servlet_api() {
        check(noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet.."));
    }

    @Test
    void domain_does_not_depend_on_jpa() {
        check(noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence.."));
    }

    @Test
    void domain_does_not_depend_on_the_web_layer() {
        check(noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("..commitments.web.."));
    }

    /** Guards the rules above against passing vacuously: the domain and the web sub-packages are imported, tests are not. */
    @Test
    void rules_see_the_domain_and_only_production_classes() {
        assertThat(production.contain(no.partnerskap.commitments.organisation.Organisation.class)).isTrue();
        assertThat(production.contain(no.partnerskap.commitments.partnership.Partnership.class)).isTrue();
        assertThat(production.contain(no.partnerskap.commitments.commitment.Commitment.class)).isTrue();
        assertThat(production.contain(no.partnerskap.commitments.shared.RuleViolation.class)).isTrue();
        assertThat(production.contain(ArchitectureTest.class)).isFalse();
        // the controllers in the .web sub-packages are imported, but the rules do not apply to them
        assertThat(production.stream().map(JavaClass::getPackageName))
                .contains("no.partnerskap.commitments.organisation.web",
                        "no.partnerskap.commitments.partnership.web");
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
