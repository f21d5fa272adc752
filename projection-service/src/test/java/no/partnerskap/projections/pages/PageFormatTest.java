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

    @Test
    void a_computed_figure_is_shown_to_two_decimals() {
        assertThat(english.number(12.34567)).isEqualTo("12.35");
        assertThat(english.number(7.0)).isEqualTo("7");
    }
}
