package no.partnerskap.api.organisation;

import java.util.Objects;

/**
 * A Norwegian organisasjonsnummer: nine digits, the first 8 or 9 (as the Brønnøysund registers
 * hand them out), the last a modulus-11 check digit (weights 3 2 7 6 5 4 3 2 over the first eight).
 */
public record OrganisationNumber(String value) {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    public OrganisationNumber {
        Objects.requireNonNull(value, "organisation number");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid organisation number: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || !candidate.matches("[89]\\d{8}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (candidate.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        int check = remainder == 0 ? 0 : 11 - remainder;
        // a remainder of 1 gives check digit 10: no valid number has it
        return check != 10 && check == candidate.charAt(8) - '0';
    }

    @Override
    public String toString() {
        return value;
    }
}
