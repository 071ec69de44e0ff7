package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTest {

    @TempDir
    static Path dataDir;

    static Postgres postgres;

    @BeforeAll
    static void start() {
        postgres = Postgres.start(0, dataDir.resolve("pg"));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void answersSelectOneOnTheKamerstroomDatabase() throws SQLException {
        assertThat(postgres.jdbcUrl()).endsWith("/kamerstroom");
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1, current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
            assertThat(result.getString(2)).isEqualTo("kamerstroom");
        }
    }

    @Test
    void keepsPortAndDataAcrossARestart() throws SQLException {
        String url = postgres.jdbcUrl();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table restart_check (id int primary key, note text)");
            statement.execute("insert into restart_check values (1, 'kept')");
        }

        postgres.stop();
        assertThat(Ports.isListening(postgres.port())).isFalse();
        postgres.start();

        assertThat(postgres.jdbcUrl()).isEqualTo(url);
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select note from restart_check where id = 1")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("kept");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
