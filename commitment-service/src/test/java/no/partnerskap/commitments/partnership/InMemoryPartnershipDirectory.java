package no.partnerskap.commitments.partnership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.partnerskap.api.partnership.PartnershipKind;

/** The command side's partnership lookup (partnerships, memberships, goals), in memory, for aggregate tests. */
public final class InMemoryPartnershipDirectory implements PartnershipDirectory {

    private final Map<UUID, PartnershipKind> kinds = new HashMap<>();
    private final Set<UUID> concluded = new HashSet<>();
    private final Set<List<UUID>> activeMembers = new HashSet<>();
    private final Set<List<UUID>> goals = new HashSet<>();
    private final Map<UUID, List<UUID>> openCommitments = new HashMap<>();
    private final Map<UUID, UUID> parents = new HashMap<>();

    public void add(UUID partnershipId, PartnershipKind kind) {
        kinds.put(partnershipId, kind);
    }

    public void conclude(UUID partnershipId) {
        concluded.add(partnershipId);
    }

    public void admit(UUID partnershipId, UUID organisationId) {
        activeMembers.add(List.of(partnershipId, organisationId));
    }

    public void depart(UUID partnershipId, UUID organisationId) {
        activeMembers.remove(List.of(partnershipId, organisationId));
    }

    public void defineGoal(UUID partnershipId, UUID goalId) {
        goals.add(List.of(partnershipId, goalId));
    }

    public void addNetwork(UUID parentPartnershipId, UUID networkId) {
        add(networkId, PartnershipKind.THEMATIC_NETWORK);
        parents.put(networkId, parentPartnershipId);
    }

    public void openCommitment(UUID partnershipId, UUID commitmentId) {
        openCommitments.computeIfAbsent(partnershipId, p -> new ArrayList<>()).add(commitmentId);
    }

    @Override
    public Optional<PartnershipKind> kindOf(UUID partnershipId) {
        return Optional.ofNullable(kinds.get(partnershipId));
    }

    @Override
    public boolean isConcluded(UUID partnershipId) {
        return concluded.contains(partnershipId);
    }

    @Override
    public boolean isActiveMember(UUID partnershipId, UUID organisationId) {
        return activeMembers.contains(List.of(partnershipId, organisationId));
    }

    @Override
    public void settleMembership(UUID partnershipId, UUID organisationId) {
        // one command at a time in an aggregate test: nothing to wait for
    }

    @Override
    public void settleMemberships(UUID partnershipId) {
        // one command at a time in an aggregate test: nothing to wait for
    }

    @Override
    public List<UUID> openCommitments(UUID partnershipId) {
        return openCommitments.getOrDefault(partnershipId, List.of());
    }

    @Override
    public void holdOffConclusion(UUID partnershipId) {
        // one command at a time in an aggregate test: nothing to wait for
    }

    @Override
    public List<UUID> openNetworks(UUID partnershipId) {
        return parents.entrySet().stream().filter(e -> e.getValue().equals(partnershipId))
                .map(Map.Entry::getKey).filter(network -> !concluded.contains(network)).sorted().toList();
    }

    @Override
    public boolean hasGoal(UUID partnershipId, UUID goalId) {
        return goals.contains(List.of(partnershipId, goalId));
    }
}
