package no.partnerskap.projections.completeness;

import java.util.ArrayList;
import java.util.List;
import no.partnerskap.eventstore.EventStoreSchema;
import no.partnerskap.projections.admin.ProjectionAdmin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the event store with what each read model has applied: for every aggregate whose
 * events lie at or below the processor's position, the read model must hold its last version.
 * Anything behind was skipped (the gap-timeout trap: a transaction that committed long after its
 * events were numbered) and is listed by aggregate.
 */
@Component
public class Completeness {

    /** A read model and how it records the version of each aggregate it shows. */
    record Model(String processor, String aggregateType, String table, String idColumn) {
    }

    public record Missing(String aggregateId, long storedVersion, long projectedVersion) {
    }

    public record Report(String processor, String aggregateType, Long checkedUpTo, long aggregatesChecked,
                         List<Missing> missing) {
    }

    static final List<Model> MODELS = List.of(
            new Model("organisations", "Organisation", "organisation_view", "organisation_id"),
            new Model("partnership-follow-up", "Partnership", "partnership_view", "partnership_id"),
            new Model("commitments", "Commitment", "commitment_view", "commitment_id"));

    private final JdbcTemplate jdbc;
    private final ProjectionAdmin processors;

    Completeness(JdbcTemplate jdbc, ProjectionAdmin processors) {
        this.jdbc = jdbc;
        this.processors = processors;
    }

    @Transactional(readOnly = true)
    public List<Report> check() {
        List<Report> reports = new ArrayList<>();
        for (Model model : MODELS) {
            Long position = processors.status(model.processor()).position();
            if (position == null) {
                reports.add(new Report(model.processor(), model.aggregateType(), null, 0, List.of()));
                continue;
            }
            List<Missing> missing = new ArrayList<>();
            long[] checked = {0};
            jdbc.query("""
                    select e.aggregate_identifier, max(e.sequence_number) as stored, coalesce(max(v.version), -1) as seen
                    from %s e left join %s v on v.%s::text = e.aggregate_identifier
                    where e.type = ? and e.global_index <= ?
                    group by e.aggregate_identifier order by e.aggregate_identifier"""
                    .formatted(EventStoreSchema.EVENTS, model.table(), model.idColumn()), rs -> {
                checked[0]++;
                if (rs.getLong("seen") < rs.getLong("stored")) {
                    missing.add(new Missing(rs.getString(1), rs.getLong("stored"), rs.getLong("seen")));
                }
            }, model.aggregateType(), position);
            reports.add(new Report(model.processor(), model.aggregateType(), position, checked[0], missing));
        }
        return reports;
    }
}
