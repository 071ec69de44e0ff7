package nl.kamerstroom.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import nl.kamerstroom.local.Postgres;
import nl.kamerstroom.local.SharedTestInfrastructure;

/** V4 moves the full-text index out of the letters row: a store that ran before it keeps finding its letters. */
class LetterSearchMigrationTest {

    @Test
    void lettersStoredBeforeTheFullTextIndexMovedAreFoundByTheirWordsAfterwards() {
        // given a store of schema version 3 (the index a generated column of letters) with a received letter in it
        String schema = "before_v4_" + HexFormat.of().formatHex(randomBytes(4));
        Postgres postgres = SharedTestInfrastructure.get().postgres();
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                postgres.jdbcUrl() + "?currentSchema=" + schema, postgres.username(), postgres.password());
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas(schema).target("3").load();
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO letters (letter_id, received_at, text) VALUES ('old', now(), :text)")
                .param("text", TestLetters.TEXT)
                .update();

        // when
        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

        // then
        assertThat(jdbc.sql("""
                        SELECT l.letter_id FROM letters l JOIN letter_search s ON s.letter_id = l.letter_id
                        WHERE s.text_search @@ websearch_to_tsquery('dutch', 'verlenging Nispen')""")
                .query(String.class).list()).containsExactly("old");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = :schema AND column_name = 'text_search'")
                .param("schema", schema)
                .query(Long.class).single()).as("text_search columns in the schema").isEqualTo(1);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
