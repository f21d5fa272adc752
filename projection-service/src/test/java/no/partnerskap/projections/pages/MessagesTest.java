package no.partnerskap.projections.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import no.partnerskap.projections.followup.FollowUpRules;
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

    /** A page says why a commitment is at risk in words: each condition of the signal needs them in both languages. */
    @Test
    void every_reason_for_being_at_risk_has_words_in_both_languages() {
        assertThat(FollowUpRules.atRiskReasons()).hasSize(4);
        for (String reason : FollowUpRules.atRiskReasons()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
                assertThat(messages.getMessage("atRisk." + reason, null, null, locale)).as(reason + " " + locale)
                        .isNotBlank();
            }
        }
        assertThat(messages.getMessage("atRisk.NO_REPORT_FOR_90_DAYS", null, Locale.forLanguageTag("nb")))
                .isEqualTo("ingen rapport på 90 dager");
    }

    /** A key missing in bokmål falls back to English silently, in the middle of a Norwegian page. */
    @Test
    void bokmål_has_every_key_english_has() throws IOException {
        assertThat(keys("i18n/messages_nb.properties")).containsExactlyInAnyOrderElementsOf(keys("i18n/messages.properties"));
        assertThat(keys("i18n/council_nb.properties")).containsExactlyInAnyOrderElementsOf(keys("i18n/council.properties"));
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
