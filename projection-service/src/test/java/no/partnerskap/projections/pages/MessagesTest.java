package no.partnerskap.projections.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The pages' words agree with their numbers: one overdue commitment is "forsinket forpliktelse", not plural. */
class MessagesTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    MessagesTest() {
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Test
    void a_count_of_one_is_singular() {
        Locale nb = Locale.forLanguageTag("nb");
        assertThat(messages.getMessage("overdue.count", new Object[] {1}, nb)).isEqualTo("1 forsinket forpliktelse.");
        assertThat(messages.getMessage("overdue.count", new Object[] {3}, nb)).isEqualTo("3 forsinkede forpliktelser.");
        assertThat(messages.getMessage("overdue.count", new Object[] {0}, nb)).isEqualTo("Ingen forsinkede forpliktelser.");
        assertThat(messages.getMessage("overdue.count", new Object[] {1234}, nb))
                .isEqualTo("1\u00a0234 forsinkede forpliktelser.");
        assertThat(messages.getMessage("overdue.count", new Object[] {1}, Locale.ENGLISH))
                .isEqualTo("1 overdue commitment.");
        assertThat(messages.getMessage("overdue.count", new Object[] {2}, Locale.ENGLISH))
                .isEqualTo("2 overdue commitments.");
    }
}
