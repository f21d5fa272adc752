package no.partnerskap.projections.pages;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import no.partnerskap.projections.commitment.CommitmentQueries;
import no.partnerskap.projections.commitment.CommitmentRow;
import no.partnerskap.projections.organisation.ScorecardQueries;
import no.partnerskap.projections.partnership.PartnershipQueries;
import no.partnerskap.projections.sdg.SdgCoverage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard pages: server-rendered HTML over the read models, in English or Norwegian. */
@Controller
class PagesController {

    /** A partnership page lists this many commitments at a time unless {@code ?size=} says otherwise. */
    private static final int PER_PAGE = 100;
    private static final int MAX_PER_PAGE = 500;

    private final PartnershipQueries partnerships;
    private final ScorecardQueries scorecards;
    private final SdgCoverage sdg;
    private final CommitmentQueries commitments;

    PagesController(PartnershipQueries partnerships, ScorecardQueries scorecards, SdgCoverage sdg,
                    CommitmentQueries commitments) {
        this.partnerships = partnerships;
        this.scorecards = scorecards;
        this.sdg = sdg;
        this.commitments = commitments;
    }

    @GetMapping("/")
    String overview(Model model) {
        List<PartnershipQueries.Summary> all = partnerships.all();
        model.addAttribute("partnerships", all);
        model.addAttribute("totals", all.stream().map(PartnershipQueries.Summary::signals).reduce(
                new PartnershipQueries.Signals(0, 0, 0, 0, 0),
                (a, b) -> new PartnershipQueries.Signals(a.total() + b.total(), a.onTrack() + b.onTrack(),
                        a.atRisk() + b.atRisk(), a.overdue() + b.overdue(), a.closed() + b.closed())));
        return "pages/overview";
    }

    /**
     * A partnership's figures and its commitments by due date, a page at a time, all of them or those
     * of one status, signal or organisation. A page past the last shows the last; an unknown status or
     * signal is a bad request.
     */
    @GetMapping("/pages/partnerships/{id}")
    String partnership(@PathVariable UUID id, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String signal,
                       @RequestParam(required = false) UUID organisationId,
                       @RequestParam(required = false) Integer dueWithinDays,
                       @RequestParam(defaultValue = "false") boolean openFollowUp,
                       @RequestParam(defaultValue = "false") boolean divergent,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
                       Model model) {
        if (status != null && !status.matches(CommitmentQueries.STATUSES)) {
            throw new NotUnderstood("status", status);
        }
        if (signal != null && !signal.matches(CommitmentQueries.SIGNALS)) {
            throw new NotUnderstood("signal", signal);
        }
        if (dueWithinDays != null && (dueWithinDays < 0 || dueWithinDays > CommitmentQueries.DUE_WITHIN_DAYS_MAX)) {
            throw new NotUnderstood("dueWithinDays", dueWithinDays.toString());
        }
        PartnershipQueries.Detail detail = partnerships.one(id).orElseThrow(PageNotFound::new);
        Map<UUID, String> names = new HashMap<>();
        for (PartnershipQueries.Member member : detail.members()) {
            names.put(member.organisationId(), member.name());
        }
        model.addAttribute("p", detail);
        model.addAttribute("organisationNames", names);
        int perPage = perPage(size);
        CommitmentQueries.Filter filter = new CommitmentQueries.Filter(status, signal, organisationId, null,
                dueWithinDays, openFollowUp, divergent);
        CommitmentQueries.Page<CommitmentRow> listed = within((at, n) -> commitments.inPartnership(id, filter, at, n),
                page, perPage);
        model.addAttribute("commitments", listed);
        model.addAttribute("filter", filter);
        model.addAttribute("organisationName", organisationId == null ? null
                : names.getOrDefault(organisationId, organisationId.toString()));
        model.addAttribute("pager", CommitmentPager.ofPartnership(id, filter, listed.page(), perPage, last(listed),
                size != null));
        return "pages/partnership";
    }

    private static int perPage(Integer size) {
        return size == null ? PER_PAGE : Math.max(1, Math.min(size, MAX_PER_PAGE));
    }

    /** The page asked for, or the last one when the list has fewer pages. */
    private static CommitmentQueries.Page<CommitmentRow> within(
            BiFunction<Integer, Integer, CommitmentQueries.Page<CommitmentRow>> list, int page, int perPage) {
        CommitmentQueries.Page<CommitmentRow> listed = list.apply(Math.max(page, 0), perPage);
        return listed.page() > last(listed) ? list.apply(last(listed), perPage) : listed;
    }

    private static int last(CommitmentQueries.Page<?> listed) {
        return (int) Math.max(0, (listed.total() - 1) / listed.size());
    }

    @GetMapping("/pages/commitments/{id}")
    String commitment(@PathVariable UUID id, Model model) {
        CommitmentQueries.Detail detail = commitments.one(id).orElseThrow(PageNotFound::new);
        model.addAttribute("c", detail);
        model.addAttribute("goalTitles", partnerships.goalTitles(detail.commitment().partnershipId()));
        return "pages/commitment";
    }

    /** The overdue commitments across all partnerships, a page at a time; a page past the last shows the last. */
    @GetMapping("/pages/overdue")
    String overdue(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
                   Model model) {
        CommitmentQueries.Page<CommitmentRow> listed = within((at, n) -> commitments.overdue(null, at, n), page,
                perPage(size));
        model.addAttribute("commitments", listed);
        model.addAttribute("pager", CommitmentPager.ofOverdue(listed.page(), listed.size(), last(listed),
                size != null));
        return "pages/overdue";
    }

    @GetMapping("/pages/organisations/{id}")
    String organisation(@PathVariable UUID id, Model model) {
        model.addAttribute("s", scorecards.of(id).orElseThrow(PageNotFound::new));
        return "pages/organisation";
    }

    @GetMapping("/pages/sdg")
    String sdg(Model model) {
        List<SdgCoverage.GoalCoverage> goals = sdg.coverage();
        List<Covered> covered = goals.stream().flatMap(goal -> goal.targets().stream()
                .filter(target -> target.goals() > 0).map(target -> new Covered(goal, target))).toList();
        model.addAttribute("goals", goals);
        model.addAttribute("covered", covered);
        model.addAttribute("targetCount", goals.stream().mapToLong(goal -> goal.targets().size()).sum());
        model.addAttribute("goalMax", max(goals.stream().map(SdgCoverage.GoalCoverage::commitments).toList()));
        return "pages/sdg";
    }

    /** Any other address under /pages/ (a mistyped one, say): the pages' own 404 page, not the API's problem. */
    @GetMapping("/pages/**")
    String elsewhere() {
        throw new PageNotFound();
    }

    /** A covered SDG target with the goal it belongs to. */
    record Covered(SdgCoverage.GoalCoverage goal, SdgCoverage.TargetCoverage target) {
    }

    private static long max(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** A query parameter the page does not understand: the pages answer with their own 400 page. */
    static class NotUnderstood extends RuntimeException {
        final String parameter;
        final String value;

        NotUnderstood(String parameter, String value) {
            super(null, null, false, false);
            this.parameter = parameter;
            this.value = value;
        }
    }

    /** Nothing to show at this address: the pages answer with their own 404 page. */
    static class PageNotFound extends RuntimeException {
        PageNotFound() {
            super(null, null, false, false);
        }
    }
}
