package nl.kamerstroom.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.kamerstroom.store.TestLetter;
import nl.kamerstroom.store.persistence.TestDatabase;

/** The store's Dutch search agrees with PostgreSQL's {@code dutch} configuration, which it replaced, on real letters. */
class DutchTextSearchAgreementTest {

    private static final String[] LETTERS = {"ek-27925-AR-nmi-force-protection.txt", "tk-34843-111-seksueel-geweld.txt"};
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");

    private final JdbcClient postgresql = JdbcClient.create(TestDatabase.dataSource(""));

    @Test
    void everyWordOfTheLettersHasPostgresqlsDutchStemOrIsAStopWordThere() {
        // given every distinct word of the letters, lower-cased
        String[] words = Stream.of(LETTERS).map(TestLetter::sample)
                .flatMap(text -> WORD.matcher(text).results().map(match -> match.group().toLowerCase(Locale.ROOT)))
                .distinct().toArray(String[]::new);
        assertThat(words).hasSizeGreaterThan(1_500);

        // when PostgreSQL's Dutch Snowball dictionary (stop list included) and the store stem each of them
        Map<String, String> postgresqls = new TreeMap<>();
        postgresql.sql("SELECT w, array_to_string(ts_lexize('dutch_stem', w), ' ') FROM unnest(CAST(:words AS text[])) w")
                .param("words", words)
                .query((rs, row) -> postgresqls.put(rs.getString(1), rs.getString(2)))
                .list();
        Map<String, String> stores = Stream.of(words).collect(Collectors.toMap(word -> word, word -> {
            String vector = DutchTextSearch.vector(word);
            return vector.isEmpty() ? "" : vector.substring(1, vector.lastIndexOf('\''));
        }, (a, b) -> a, TreeMap::new));

        // then
        assertThat(stores).isEqualTo(postgresqls);
    }

    @Test
    void postgresqlReadsTheVectorOfALetterAsWritten() {
        for (String name : LETTERS) {
            // given
            String vector = DutchTextSearch.vector(TestLetter.sample(name));

            // when
            String read = postgresql.sql("SELECT CAST(CAST(:vector AS tsvector) AS text)")
                    .param("vector", vector).query(String.class).single();

            // then lexemes, order and positions are as PostgreSQL keeps them
            assertThat(read).isEqualTo(vector);
            assertThat(vector).contains("'kamer':");
        }
    }
}
