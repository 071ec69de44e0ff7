package nl.kamerstroom.store.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import nl.kamerstroom.local.Postgres;
import nl.kamerstroom.local.SharedTestInfrastructure;

/** The repositories wired by hand on the shared test PostgreSQL, migrated by the service's own Flyway scripts. */
public final class TestDatabase {

    final JdbcClient jdbc;
    final LetterRepository letters;
    final EntityRepository entities;
    final StoredLetters storedLetters;

    private TestDatabase(DataSource dataSource) {
        PlatformTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.letters = new LetterRepository(jdbc, transactions, JsonMapper.builder().build());
        this.entities = new EntityRepository(jdbc, transactions);
        this.storedLetters = new StoredLetters(letters, entities, transactions);
    }

    static TestDatabase migrated() {
        DataSource dataSource = dataSource("");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new TestDatabase(dataSource);
    }

    /** Connections to the shared test PostgreSQL, in {@code schema} when one is given. */
    public static DataSource dataSource(String schema) {
        Postgres postgres = SharedTestInfrastructure.get().postgres();
        String url = schema.isEmpty() ? postgres.jdbcUrl() : postgres.jdbcUrl() + "?currentSchema=" + schema;
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, postgres.username(), postgres.password());
    }

    long count(String table, String letterId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE letter_id = :letterId")
                .param("letterId", letterId)
                .query(Long.class)
                .single();
    }
}
