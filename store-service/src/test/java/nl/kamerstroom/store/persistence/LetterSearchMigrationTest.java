package nl.kamerstroom.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import nl.kamerstroom.local.Postgres;
import nl.kamerstroom.local.SharedTestInfrastructure;

/** V4 recomputes the full-text index of the letters already stored, with words before footnote markers found. */
class LetterSearchMigrationTest {

    @Test
    void lettersStoredBeforeTheMigrationAreFoundByTheirWordsBeforeFootnoteMarkersAfterwards() {
        // given a store of schema version 3 with a received letter whose only "Irak" carries footnote marker 2
        String schema = "before_v4_" + HexFormat.of().formatHex(TestLetters.randomBytes(4));
        Postgres postgres = SharedTestInfrastructure.get().postgres();
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                postgres.jdbcUrl() + "?currentSchema=" + schema, postgres.username(), postgres.password());
        Flyway.configure().dataSource(dataSource).schemas(schema).target("3").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO letters (letter_id, received_at, text) VALUES ('old', now(), :text)")
                .param("text", "Het kabinet verlengt de inzet in Irak.2 De Kamer wordt geïnformeerd.")
                .update();

        // when
        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

        // then
        assertThat(jdbc.sql("SELECT letter_id FROM letters WHERE text_search @@ websearch_to_tsquery('dutch', 'Irak geïnformeerd')")
                .query(String.class).list()).containsExactly("old");
    }
}
