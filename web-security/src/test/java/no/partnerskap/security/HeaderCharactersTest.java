package no.partnerskap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeaderCharactersTest {

    // the patterns StrictHttpFirewall uses by default
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static final int[] INTERESTING = {'a', 'Z', '0', ' ', '~', '\t', '\n', '\r', 0, 0x7f, 0x80, 0x9f, 0xa0,
        'æ', 'ø', 'å', 0x0378, 0xd800, 0xdc00, 0xfffe, 0xffff, 0x1f600, 0x10ffff, 0xe0001, 0x2028, 0x200b};

    @Test
    void agreesWithTheFirewallsOwnPatternsOnMixedText() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x110000)
                        : INTERESTING[random.nextInt(INTERESTING.length)]);
            }
            String s = text.toString();
            assertThat(HeaderCharacters.NAME_OR_PARAMETER.test(s)).as("name %s", s.codePoints().boxed().toList())
                    .isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderCharacters.HEADER_VALUE.test(s)).as("value %s", s.codePoints().boxed().toList())
                    .isEqualTo(VALUE.matcher(s).matches());
        }
    }

    @Test
    void refusesControlCharactersAndAllowsATabOnlyInValues() {
        assertThat(HeaderCharacters.HEADER_VALUE.test("Bearer eyJ.abc-_")).isTrue();
        assertThat(HeaderCharacters.HEADER_VALUE.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAME_OR_PARAMETER.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.HEADER_VALUE.test("a\nb")).isFalse();
        assertThat(HeaderCharacters.HEADER_VALUE.test("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.HEADER_VALUE.test("a\u0378b")).as("unassigned").isFalse();
    }
}
