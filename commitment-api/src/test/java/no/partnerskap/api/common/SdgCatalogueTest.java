package no.partnerskap.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdgCatalogueTest {

    private final SdgCatalogue catalogue = SdgCatalogue.official();

    @Test
    void holds_the_169_official_targets_of_17_goals() {
        assertThat(catalogue.targets()).hasSize(169);
        assertThat(catalogue.goals()).hasSize(17);
    }

    @Test
    void knows_numbered_and_lettered_targets_and_refuses_made_up_ones() {
        assertThat(catalogue.isTarget("17.17")).isTrue();
        assertThat(catalogue.isTarget("14.a")).isTrue();
        assertThat(catalogue.isTarget("9.5")).isTrue();
        assertThat(catalogue.isTarget("18.1")).isFalse();
        assertThat(catalogue.isTarget("17.20")).isFalse();
        assertThat(catalogue.isTarget("17")).isFalse();
    }

    @Test
    void names_goals_in_english_and_norwegian() {
        SdgCatalogue.Goal goal = catalogue.target("17.17").orElseThrow().goal();
        assertThat(goal.number()).isEqualTo(17);
        assertThat(goal.nameEn()).isNotBlank();
        assertThat(goal.nameNb()).isNotBlank().isNotEqualTo(goal.nameEn());
    }
}
