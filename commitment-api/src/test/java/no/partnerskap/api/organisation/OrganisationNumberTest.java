package no.partnerskap.api.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"821311632", "974760673", "923609016", "971524960"})
    void accepts_numbers_with_a_correct_mod11_check_digit(String number) {
        assertThat(OrganisationNumber.isValid(number)).isTrue();
        assertThat(new OrganisationNumber(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"821311633", "82131163", "8213116320", "82131163a", "", " 821311632",
            "000000000", "123456785"})
    void refuses_wrong_check_digit_length_characters_or_first_digit(String number) {
        assertThat(OrganisationNumber.isValid(number)).isFalse();
        assertThatThrownBy(() -> new OrganisationNumber(number)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void refuses_a_number_whose_check_digit_would_be_ten() {
        // find eight digits whose weighted sum leaves remainder 1: no ninth digit can complete them
        String base = null;
        for (int n = 80000000; n < 80001000 && base == null; n++) {
            String digits = Integer.toString(n);
            int[] w = {3, 2, 7, 6, 5, 4, 3, 2};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (digits.charAt(i) - '0') * w[i];
            }
            if (sum % 11 == 1) {
                base = digits;
            }
        }
        assertThat(base).isNotNull();
        for (int check = 0; check <= 9; check++) {
            assertThat(OrganisationNumber.isValid(base + check)).isFalse();
        }
    }
}
