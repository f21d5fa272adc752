package no.partnerskap.projections.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import no.partnerskap.testsupport.TestPostgres;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Held writes give each table exactly what the same statements one by one would have given it. */
class ReadModelWritesTest {

    static DataSource dataSource;
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ReadModelWrites writes = new ReadModelWrites(jdbc);
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    @BeforeAll
    static void tables() throws Exception {
        dataSource = new SingleConnectionDataSource(TestPostgres.newDatabase().superuser().getConnection(), true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table item (id int primary key, total int not null default 0, revisions int not null default 0)");
        jdbc.execute("create table item_log (id int, revision int, note text)");
    }

    /** One unit of work, as a processor's batch, in one transaction. */
    private void batch(Runnable statements) {
        transaction.executeWithoutResult(tx -> DefaultUnitOfWork.startAndGet(null).execute(statements));
    }

    @Test
    void interleaved_statements_on_several_tables_end_as_if_run_one_by_one() {
        batch(() -> {
            writes.update("insert into item (id) values (?)", 1);
            writes.update("insert into item_log (id, note) values (?, ?)", 1, "created");
            writes.update("update item set total = 0 where id = ?", 1);
            writes.update("update item set total = total + ? where id = ?", 5, 1);
            writes.update("insert into item_log (id, note) values (?, ?)", 1, "pledged 5");
            writes.update("update item set total = 0 where id = ?", 1);
            writes.update("update item set total = total + ? where id = ?", 7, 1);
            writes.update("insert into item (id) values (?)", 2);
            assertThat(jdbc.queryForObject("select count(*) from item", Long.class))
                    .as("held until the batch commits").isZero();
        });

        assertThat(jdbc.queryForList("select id, total from item order by id"))
                .containsExactly(Map.of("id", 1, "total", 7), Map.of("id", 2, "total", 0));
        assertThat(jdbc.queryForList("select note from item_log where id = 1", String.class))
                .containsExactly("created", "pledged 5");
    }

    @Test
    void a_statement_reading_another_table_sees_every_earlier_write() {
        batch(() -> {
            writes.update("insert into item (id) values (?)", 10);
            for (String note : List.of("first", "second")) {
                writes.update("update item set revisions = revisions + 1 where id = ?", 10);
                writes.update("insert into item_log (id, revision, note) select ?, revisions, ? from item where id = ?",
                        10, note, 10);
            }
        });

        assertThat(jdbc.queryForList("select revision || ' ' || note from item_log where id = 10 order by revision",
                String.class)).containsExactly("1 first", "2 second");
    }

    @Test
    void outside_a_unit_of_work_a_statement_runs_at_once() {
        writes.update("insert into item (id, total) values (?, ?)", 20, 3);

        assertThat(jdbc.queryForObject("select total from item where id = 20", Integer.class)).isEqualTo(3);
    }

    @Test
    void nothing_is_written_when_the_batch_fails() {
        try {
            batch(() -> {
                writes.update("insert into item (id) values (?)", 30);
                throw new IllegalStateException("a handler failed");
            });
        } catch (IllegalStateException expected) {
            // the processor retries the batch
        }

        assertThat(jdbc.queryForObject("select count(*) from item where id = 30", Long.class)).isZero();
    }
}
