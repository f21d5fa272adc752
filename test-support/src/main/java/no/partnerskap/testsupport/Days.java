package no.partnerskap.testsupport;

import java.time.LocalDate;
import java.time.ZoneId;

/** Days as the services count them (Oslo's), written as the API takes them. */
public final class Days {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private Days() {
    }

    /** Today: a report on a commitment recorded today is dated neither before it nor in the future. */
    public static String today() {
        return LocalDate.now(OSLO).toString();
    }
}
