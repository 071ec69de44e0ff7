package nl.kamerstroom.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How texts and searches are cut into words, stemmed and written as PostgreSQL tsvector and tsquery literals. */
class DutchTextSearchTest {

    @Test
    void aTextBecomesItsStemsWithTheirPositionsInLexemeOrder() {
        // when
        String vector = DutchTextSearch.vector("Het kabinet verlengt de missie; de missie loopt door.");

        // then stop words ("het", "de", "door") are left out but keep their positions
        assertThat(vector).isEqualTo("'kabinet':2 'loopt':8 'missie':5,7 'verlengt':3");
    }

    @Test
    void aWordWithAFootnoteMarkerIsTheWordFollowedByANumber() {
        assertThat(lexemes("in Irak.2 en Irak3 en Irak²")).containsExactly("irak", "2", "irak", "3", "irak");
    }

    @Test
    void hyphensApostrophesAndChangesBetweenLettersAndDigitsSeparateWords() {
        assertThat(lexemes("NAVO-missie F-35 F35 A400M auto's 2024-2025"))
                .containsExactly("navo", "missie", "f", "35", "f", "35", "a", "400", "m", "auto", "s", "2024", "2025");
    }

    @Test
    void numbersAreKeptAsWritten() {
        assertThat(lexemes("€ 18.300.000 en 0,5 fte")).containsExactly("18", "300", "000", "0", "5", "fte");
    }

    @Test
    void accentedAndDecomposedWordsAreOneWordAndLigaturesAreSpelledOut() {
        // "geïnformeerd" precomposed and as "i" + combining diaeresis; "ﬁnanciële" with the PDF ligature "ﬁ"
        assertThat(lexemes("geïnformeerd geïnformeerd ﬁnanciële"))
                .containsExactly("geinformeerd", "geinformeerd", "financiel");
    }

    @Test
    void positionsStopAtPostgresqlsLimitAndALexemeKeepsAtMost256() {
        // given 20,000 words of which the last is new
        String text = "missie ".repeat(19_999) + "kabinet";

        // when
        String vector = DutchTextSearch.vector(text);

        // then
        assertThat(vector).startsWith("'kabinet':16383 'missie':1,2,3,");
        assertThat(vector.substring(vector.indexOf("'missie':")).split(",")).hasSize(256);
    }

    @Test
    void overlongRunsOfLettersAreNotWords() {
        assertThat(DutchTextSearch.vector("x".repeat(256) + " missie")).isEqualTo("'missie':2");
    }

    @Test
    void aSearchWantsAllItsWords() {
        assertThat(DutchTextSearch.query("missie verlenging")).hasValue("'missie' & 'verleng'");
    }

    @Test
    void aWordThatIsSeveralWordsIsAPhrase() {
        assertThat(DutchTextSearch.query("F-35")).hasValue("( 'f' <-> '35' )");
        assertThat(DutchTextSearch.query("Irak.2")).hasValue("( 'irak' <-> '2' )");
    }

    @Test
    void quotedWordsAreAPhraseThatStepsOverStopWords() {
        assertThat(DutchTextSearch.query("\"bijdrage aan de missie\" kabinet"))
                .hasValue("( 'bijdrag' <3> 'missie' ) & 'kabinet'");
    }

    @Test
    void orLetsEitherSideDoAndAMinusExcludes() {
        assertThat(DutchTextSearch.query("Mali or Irak -Afghanistan")).hasValue("'mali' | ( 'irak' & !'afghanistan' )");
        assertThat(DutchTextSearch.query("missie kabinet OR Irak")).hasValue("( 'missie' & 'kabinet' ) | 'irak'");
        assertThat(DutchTextSearch.query("-\"de missie in Irak\"")).hasValue("!( 'missie' <2> 'irak' )");
    }

    @Test
    void aDanglingOrOrMinusOrAnUnclosedQuoteIsReadAsWellAsItCanBe() {
        assertThat(DutchTextSearch.query("or Irak or")).hasValue("'irak'");
        assertThat(DutchTextSearch.query("- Irak")).hasValue("'irak'");
        assertThat(DutchTextSearch.query("\"missie in Irak")).hasValue("( 'missie' <2> 'irak' )");
    }

    @Test
    void aSearchOfOnlyStopWordsOrPunctuationHasNothingToLookFor() {
        assertThat(DutchTextSearch.query("de het een")).isEmpty();
        assertThat(DutchTextSearch.query(" - ; \"\" ")).isEmpty();
    }

    @Test
    void quotesAndBackslashesInALexemeAreEscaped() {
        // "ŉ" compatibility-normalises to a modifier apostrophe (a letter) and "n"; a backslash cannot be in a word,
        // so the escaping is checked on the quoting itself
        assertThat(DutchTextSearch.vector("ŉ")).isEqualTo("'ʼn':1");
        assertThat(DutchTextSearch.quote("it's\\", new StringBuilder()).toString()).isEqualTo("'it''s\\\\'");
    }

    private static List<String> lexemes(String text) {
        List<String> lexemes = new ArrayList<>();
        DutchTextSearch.words(text, (lexeme, position) -> {
            if (lexeme != null) {
                lexemes.add(lexeme);
            }
        });
        return lexemes;
    }
}
