package no.partnerskap.projections.council;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The annual report to the county council for one year, as built from the events up to and
 * including {@code position}. Every figure is about the year, counted up to {@code reportDate}
 * (the end of the year, or today while the year is still running). The same year, position and
 * report date always give the same figures: the report is rebuilt from the events each time.
 *
 * @param checkpoints the signed checkpoints up to the report's position, oldest first (see {@link CouncilCheckpoints})
 */
public record CouncilReport(int year, LocalDate reportDate, long position, Instant builtAt,
                            List<Partnership> partnerships, Totals totals, List<Object> checkpoints) {

    /** The same figures, stamped with the position they were asked at and the checkpoints that seal up to it. */
    public CouncilReport stamped(long position, List<Object> checkpoints) {
        return new CouncilReport(year, reportDate, position, builtAt, partnerships, totals, List.copyOf(checkpoints));
    }

    /** A partnership active in the year: its period overlaps the year and it was not concluded before it. */
    public record Partnership(UUID id, String name, String kind, UUID parentId, String parentName,
                              LocalDate periodFrom, LocalDate periodTo, LocalDate concludedOn, long meetings,
                              List<Member> members, List<Goal> goals, Commitments commitments,
                              List<ResourceLine> resources) {

        public long leadershipAttendances() {
            return members.stream().mapToLong(Member::leadershipAttendances).sum();
        }

        public long goalRevisionsInYear() {
            return goals.stream().mapToLong(g -> g.revisionsInYear().size()).sum();
        }
    }

    /**
     * A member during the year, with its attendance at the year's meetings: at any level, and at
     * leadership level.
     */
    public record Member(UUID organisationId, String name, String role, String representation,
                         boolean activeAtReportDate, long attendances, long leadershipAttendances) {
    }

    /**
     * A result goal as it stood at the report date (baseline and target after the revisions made
     * by then). {@code achieved} sums the indicator values of outcomes reported up to the report
     * date, {@code achievedInYear} those reported in the year; {@code progressPercent} is achieved
     * over the distance from baseline to target.
     */
    public record Goal(UUID id, String title, String indicator, String unit, BigDecimal baseline, BigDecimal target,
                       LocalDate targetDate, List<String> sdgTargets, BigDecimal achieved, BigDecimal achievedInYear,
                       BigDecimal progressPercent, List<GoalRevision> revisionsInYear) {
    }

    /**
     * A revision of a goal made in the year: the fields it {@code changed} (title, indicator, unit, baseline, target,
     * targetDate, sdgTargets), each as it was before and after, and why.
     */
    public record GoalRevision(int revision, BigDecimal previousBaseline, BigDecimal baseline,
                               BigDecimal previousTarget, BigDecimal target, String reason, Instant recordedAt,
                               List<String> changed, String previousTitle, String title, String previousIndicator,
                               String indicator, String previousUnit, String unit, LocalDate previousTargetDate,
                               LocalDate targetDate, List<String> previousSdgTargets, List<String> sdgTargets) {
    }

    /**
     * Commitments made in the year, closed in the year by result (FULFILLED, PARTIALLY_FULFILLED,
     * NOT_FULFILLED, WITHDRAWN), and overdue at the report date (open then, and due before it by
     * the deadline as extended by then).
     */
    public record Commitments(long made, long closed, Map<String, Long> closedByResult, long overdue,
                              List<OverdueCommitment> overdueCommitments) {
    }

    public record OverdueCommitment(UUID id, String title, UUID organisationId, String organisationName,
                                    LocalDate dueDate) {
    }

    /**
     * Resources of the commitments running in the year (made by the report date and not closed
     * before the year): pledged, and delivered by outcomes reported up to the report date.
     */
    public record ResourceLine(String kind, String unit, BigDecimal pledged, BigDecimal delivered) {
    }

    /**
     * Across the partnerships: memberships counts seats, organisations counts each organisation
     * once however many partnerships it sits in.
     */
    public record Totals(long partnerships, long memberships, long organisations, long meetings,
                         long leadershipAttendances, long goals, long goalRevisionsInYear, long commitmentsMade,
                         long commitmentsClosed, Map<String, Long> closedByResult, long overdue,
                         List<ResourceLine> resources) {
    }

    /** The results a closed commitment can have, in the order the report shows them. */
    public static final List<String> CLOSING_RESULTS = List.of("FULFILLED", "PARTIALLY_FULFILLED", "NOT_FULFILLED",
            "WITHDRAWN");
}
