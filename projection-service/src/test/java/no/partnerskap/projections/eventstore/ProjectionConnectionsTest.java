package no.partnerskap.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import no.partnerskap.projections.support.ProjectionServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** How projection-service's connections are set up for the read models they write. */
@ProjectionServiceTest
class ProjectionConnectionsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void read_model_commits_do_not_wait_for_the_disk_and_find_their_tables_without_a_schema() {
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("show search_path", String.class)).isEqualTo("projection");
        assertThat(jdbc.queryForObject("select count(*) from commitment_view", Long.class)).isNotNegative();
    }
}
