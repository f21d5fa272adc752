package no.partnerskap.projections.history;

import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models as they were at a point in the history, and runs a query on them.
 * In one transaction that is rolled back, temporary tables of the same names shadow the live
 * read models (PostgreSQL searches the temporary schema first), the selected events are fed
 * through the very projectors that build the live models, and the query reads the result.
 * The live read models are neither read nor touched.
 */
@Component
public class PointInTime {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventHistory history;
    private final List<ReadModelProjector> projectors;

    PointInTime(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventHistory history,
                List<ReadModelProjector> projectors) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.history = history;
        this.projectors = projectors;
    }

    public <T> T query(EventHistory.Selection selection, Function<JdbcTemplate, T> query) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            for (ReadModelProjector projector : projectors) {
                for (String table : projector.tables()) {
                    jdbc.execute("create temporary table " + table + " (like projection." + table
                            + " including all) on commit drop");
                }
            }
            List<AnnotationEventHandlerAdapter> handlers = projectors.stream()
                    .map(AnnotationEventHandlerAdapter::new).toList();
            history.forEach(selection, event -> {
                EventMessage<?> message = history.asMessage(event);
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(message)) {
                        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message)
                                .executeWithResult(() -> handler.handle(message));
                        if (result.isExceptional()) {
                            // a rebuild that skipped an event would show a history that never was
                            throw new IllegalStateException("rebuild failed at event " + event.globalIndex(),
                                    result.exceptionResult());
                        }
                    }
                }
            });
            return query.apply(jdbc);
        });
    }
}
