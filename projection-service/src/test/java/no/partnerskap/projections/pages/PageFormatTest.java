package no.partnerskap.projections.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts on the pages and the printed council report say what was recorded, to the last decimal. */
class PageFormatTest {

    private final PageFormat english = new PageFormat(Locale.ENGLISH, ZoneId.of("Europe/Oslo"), LocalDate.now());
    private final PageFormat norwegian = new PageFormat(Locale.forLanguageTag("nb"), ZoneId.of("Europe/Oslo"),
            LocalDate.now());

    @Test
    void a_recorded_amount_is_shown_to_its_last_decimal() {
        assertThat(english.number(new BigDecimal("0.008"))).isEqualTo("0.008");
        assertThat(english.number(new BigDecimal("0.004"))).as("not 0").isEqualTo("0.004");
        assertThat(english.number(new BigDecimal("4234567.891"))).isEqualTo("4,234,567.891");
        assertThat(english.number(new BigDecimal("1.2345"))).isEqualTo("1.2345");
        assertThat(english.number(new BigDecimal("2000000.00"))).isEqualTo("2,000,000");
        assertThat(english.number(new BigDecimal("2E+6"))).isEqualTo("2,000,000");
        assertThat(norwegian.number(new BigDecimal("4234567.891"))).isEqualTo("4\u00a0234\u00a0567,891");
    }

    /** When a report was built or a checkpoint sealed: written as the page writes its days, to the second. */
    @Test
    void an_instant_is_written_in_the_readers_language_and_the_follow_up_time_zone() {
        java.time.Instant winter = java.time.Instant.parse("2026-11-30T05:29:44Z");
        java.time.Instant summer = java.time.Instant.parse("2027-03-30T06:08:06Z");
        assertThat(norwegian.time(winter)).isEqualTo("30. november 2026 kl. 06:29:44 CET");
        assertThat(norwegian.time(summer)).isEqualTo("30. mars 2027 kl. 08:08:06 CEST");
        assertThat(english.time(winter)).isEqualTo("November 30, 2026, 06:29:44 CET");
        assertThat(english.time("2027-03-30T06:08:06Z")).isEqualTo("March 30, 2027, 08:08:06 CEST");
    }

    @Test
    void money_with_ore_is_shown_to_two_decimals_and_other_units_as_recorded() {
        assertThat(norwegian.amount(new BigDecimal("375000.50"), "NOK")).isEqualTo("375\u00a0000,50");
        assertThat(norwegian.amount(new BigDecimal("375000.5"), "NOK")).isEqualTo("375\u00a0000,50");
        assertThat(norwegian.amount(new BigDecimal("375000.00"), "NOK")).isEqualTo("375\u00a0000");
        assertThat(english.amount(new BigDecimal("0.125"), "EUR")).isEqualTo("0.125");
        assertThat(norwegian.amount(new BigDecimal("2.5"), "årsverk")).isEqualTo("2,5");
        assertThat(norwegian.amount(null, "NOK")).isEqualTo("–");
    }

    @Test
    void a_computed_figure_is_shown_to_two_decimals() {
        assertThat(english.number(12.34567)).isEqualTo("12.35");
        assertThat(english.number(7.0)).isEqualTo("7");
    }
}
