package no.partnerskap.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Valid, random Norwegian organisation numbers, so tests sharing a database never collide. */
public final class OrganisationNumbers {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumbers() {
    }

    public static String next() {
        while (true) {
            String base = Integer.toString(ThreadLocalRandom.current().nextInt(80_000_000, 99_999_999));
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (base.charAt(i) - '0') * WEIGHTS[i];
            }
            int check = (11 - sum % 11) % 11;
            if (check < 10) {
                return base + check;
            }
        }
    }
}
