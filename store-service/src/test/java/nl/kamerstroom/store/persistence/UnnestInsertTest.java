package nl.kamerstroom.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnnestInsertTest {

    private static final String COLUMNS = """
            id text, label text, small int4, big int8, ratio float8, flag bool, day date, at timestamptz,
            ids text[], document jsonb, words tsvector""";
    private static final UnnestInsert UPSERT = UnnestInsert.upsert("unnest_insert_test", "id", COLUMNS);

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.migrated();
    }

    @BeforeEach
    void emptyTable() {
        db.jdbc.sql("DROP TABLE IF EXISTS unnest_insert_test").update();
        db.jdbc.sql("CREATE TABLE unnest_insert_test (" + COLUMNS + ", PRIMARY KEY (id))").update();
    }

    @Test
    void valuesOfEveryTypeArriveAsTheyWereGiven() {
        // given: text that needs quoting inside an array literal, extreme numbers, and a date, a time and lists
        String awkward = "a \"quoted\", {braced} back\\slash NULL\nnew line, 'single' and é";
        UnnestInsert.Row row = new UnnestInsert.Row()
                .set("id", "one")
                .set("label", awkward)
                .set("small", Integer.MIN_VALUE)
                .set("big", Long.MAX_VALUE)
                .set("ratio", 1.0E-4)
                .set("flag", true)
                .set("day", LocalDate.of(2008, 2, 29))
                .set("at", Instant.parse("2026-11-23T08:15:30.123456Z"))
                .set("ids", List.of("m-1", awkward, "NULL", ""))
                .set("document", "[{\"role\": \"minister\", \"name\": \"Brekelmans\"}]")
                .set("words", "'missie':1 'uruzgan':3");

        // when
        UPSERT.execute(db.jdbc, List.of(row));

        // then
        Map<String, Object> stored = db.jdbc.sql("SELECT *, words::text AS words_text, document::text AS document_text FROM unnest_insert_test")
                .query().singleRow();
        assertThat(stored.get("label")).isEqualTo(awkward);
        assertThat(stored.get("small")).isEqualTo(Integer.MIN_VALUE);
        assertThat(stored.get("big")).isEqualTo(Long.MAX_VALUE);
        assertThat(stored.get("ratio")).isEqualTo(1.0E-4);
        assertThat(stored.get("flag")).isEqualTo(true);
        assertThat(stored.get("day")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2008, 2, 29)));
        assertThat(db.jdbc.sql("SELECT at FROM unnest_insert_test").query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(Instant.parse("2026-11-23T08:15:30.123456Z"));
        assertThat(db.jdbc.sql("SELECT ids FROM unnest_insert_test")
                .query((rs, n) -> Arrays.asList((String[]) rs.getArray(1).getArray())).single())
                .containsExactly("m-1", awkward, "NULL", "");
        assertThat(stored.get("document_text")).isEqualTo("[{\"name\": \"Brekelmans\", \"role\": \"minister\"}]");
        assertThat(stored.get("words_text")).isEqualTo("'missie':1 'uruzgan':3");
    }

    @Test
    void columnsARowLeavesOutAreNullAndAnEmptyListIsAnEmptyArray() {
        // when
        UPSERT.execute(db.jdbc, List.of(new UnnestInsert.Row().set("id", "bare").set("ids", List.of())));

        // then
        Map<String, Object> stored = db.jdbc.sql("SELECT label, small, big, ratio, flag, day, at, document, words, cardinality(ids) AS ids "
                + "FROM unnest_insert_test").query().singleRow();
        assertThat(stored).containsEntry("ids", 0);
        assertThat(stored).containsEntry("label", null).containsEntry("small", null).containsEntry("big", null)
                .containsEntry("ratio", null).containsEntry("flag", null).containsEntry("day", null).containsEntry("at", null)
                .containsEntry("document", null).containsEntry("words", null);
    }

    @Test
    void manyRowsGoInOneStatementAndAnExistingKeyHasItsOtherColumnsReplaced() {
        // given
        UPSERT.execute(db.jdbc, List.of(new UnnestInsert.Row().set("id", "row-7").set("label", "old").set("small", 1).set("flag", true)));
        List<UnnestInsert.Row> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(new UnnestInsert.Row().set("id", "row-" + i).set("label", "label " + i).set("small", i));
        }

        // when
        UPSERT.execute(db.jdbc, rows);

        // then
        assertThat(db.jdbc.sql("SELECT count(*) FROM unnest_insert_test").query(Long.class).single()).isEqualTo(2_500L);
        assertThat(db.jdbc.sql("SELECT label, small, flag FROM unnest_insert_test WHERE id = 'row-7'").query().singleRow())
                .containsEntry("label", "label 7").containsEntry("small", 7).containsEntry("flag", null);
        assertThat(db.jdbc.sql("SELECT sum(small) FROM unnest_insert_test").query(Long.class).single()).isEqualTo(2_499L * 2_500 / 2);
    }

    @Test
    void aColumnTheTableDoesNotDeclareIsRefusedBeforeAnythingIsWritten() {
        // given
        List<UnnestInsert.Row> rows = List.of(
                new UnnestInsert.Row().set("id", "fine"),
                new UnnestInsert.Row().set("id", "typo").set("lable", "x"));

        // when / then
        assertThatThrownBy(() -> UPSERT.execute(db.jdbc, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lable");
        assertThat(db.jdbc.sql("SELECT count(*) FROM unnest_insert_test").query(Long.class).single()).isZero();
    }
}
