package no.partnerskap.projections.commitment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** What a revision of a commitment changed: the commitment as it stood and as revised. */
public record Revision(Stated before, Stated after) {

    public record Stated(String title, String description, List<UUID> goalIds, List<Pledge> resources) {
    }

    public record Pledge(String kind, String unit, BigDecimal amount) {
    }

    /** A resource whose pledge the revision changed; null where there was none before, or is none after. */
    public record PledgeChange(String kind, String unit, BigDecimal before, BigDecimal after) {
    }

    public boolean titleChanged() {
        return !Objects.equals(before.title(), after.title());
    }

    public boolean descriptionChanged() {
        return !Objects.equals(before.description(), after.description());
    }

    public boolean goalsChanged() {
        return !Set.copyOf(before.goalIds()).equals(Set.copyOf(after.goalIds()));
    }

    public List<PledgeChange> pledgeChanges() {
        Map<List<String>, BigDecimal[]> amounts = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)));
        before.resources().forEach(p -> amounts.computeIfAbsent(List.of(p.kind(), p.unit()), k -> new BigDecimal[2])[0]
                = p.amount());
        after.resources().forEach(p -> amounts.computeIfAbsent(List.of(p.kind(), p.unit()), k -> new BigDecimal[2])[1]
                = p.amount());
        List<PledgeChange> changes = new ArrayList<>();
        amounts.forEach((key, pair) -> {
            if (pair[0] == null || pair[1] == null || pair[0].compareTo(pair[1]) != 0) {
                changes.add(new PledgeChange(key.get(0), key.get(1), pair[0], pair[1]));
            }
        });
        return changes;
    }
}
