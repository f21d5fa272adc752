package no.partnerskap.projections.history;

import java.util.ArrayList;
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

    /** Events per unit of work, as the processors' batches. */
    private static final int PAGE = 1_000;

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
            List<StoredEvent> page = new ArrayList<>(PAGE);
            history.forEach(selection, event -> {
                page.add(event);
                if (page.size() == PAGE) {
                    apply(handlers, page);
                    page.clear();
                }
            });
            apply(handlers, page);
            return query.apply(jdbc);
        });
    }

    /**
     * Feeds a page of events to the projectors in one unit of work, as a processor's batch: their
     * writes are held and sent per table as JDBC batches when it ends (event by event, a rebuild of
     * a year's history took several times as long).
     */
    private void apply(List<AnnotationEventHandlerAdapter> handlers, List<StoredEvent> page) {
        if (page.isEmpty()) {
            return;
        }
        List<EventMessage<?>> messages = page.stream().<EventMessage<?>>map(history::asMessage).toList();
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(messages.get(0)).executeWithResult(() -> {
            for (int i = 0; i < messages.size(); i++) {
                EventMessage<?> message = messages.get(i);
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(message)) {
                        try {
                            handler.handle(message);
                        } catch (Exception e) {
                            throw new RebuildFailed("at event " + page.get(i).globalIndex(), e);
                        }
                    }
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            // a rebuild that skipped an event would show a history that never was
            Throwable failure = result.exceptionResult();
            throw failure instanceof RebuildFailed failed ? failed : new RebuildFailed("in the events from "
                    + page.get(0).globalIndex() + " to " + page.get(page.size() - 1).globalIndex(), failure);
        }
    }

    /** The history could not be replayed into the read models. */
    static class RebuildFailed extends IllegalStateException {
        RebuildFailed(String where, Throwable cause) {
            super("rebuild failed " + where, cause);
        }
    }
}
