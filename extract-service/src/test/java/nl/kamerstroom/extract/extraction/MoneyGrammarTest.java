package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MoneyGrammarTest {

    private final MoneyGrammar grammar = new MoneyGrammar();

    private List<Long> amounts(String text) {
        return grammar.find(text).stream().map(MoneyGrammar.Amount::euros).toList();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "geraamd op 18,3 miljoen euro.|18300000",
            "een bedrag van € 1,2 mld. voor defensie|1200000000",
            "in totaal EUR 3,5 miljard extra|3500000000",
            "kost € 535 000 per jaar|535000",
            "kost € 535.000 per jaar|535000",
            "een budget van € 2.475 miljoen|2475000000",
            "de eigen bijdrage is € 24,- per maand|24",
            "er is 12 mln euro gereserveerd|12000000",
            "€ 100 mln. structureel|100000000",
            "ontvangt structureel 4 miljoen euro om|4000000",
            "circa 1,5 miljoen euro|1500000",
            "€ 1.5 miljoen|1500000",
            "€ 250,50 per persoon|251",
            "tien miljoen euro|10000000",
            "een half miljoen euro|500000",
            "anderhalf miljard euro|1500000000",
            "535.000 euro|535000",
            "€ 4 mln voor herstel|4000000",
            "€ 2 miljoen euro|2000000"})
    void givenWrittenAmount_whenParsed_thenValueInWholeEuros(String text, long euros) {
        assertThat(amounts(text)).containsExactly(euros);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Kamerstuk 27 925, nr. 943",
            "op 22 november 2024 om 10.00 uur",
            "artikel 100 van de Grondwet",
            "een stijging van 3,5% in 2025",
            "met 24 fte uitgebreid naar 175 fte",
            "naar eerdere brieven over Irak1 informeren wij",
            "ruim 2 miljoen mensen",
            "(bedragen x € 1.000)"})
    void givenNumberThatIsNotMoney_whenParsed_thenNoAmount(String text) {
        assertThat(amounts(text)).isEmpty();
    }

    @Test
    void givenRangeWithScaleAfterTheSecondNumber_whenParsed_thenOneEstimateAtItsUpperBound() {
        assertThat(amounts("tussen € 10 à 15 miljoen")).containsExactly(15_000_000L);
        assertThat(amounts("geraamd op € 10 à\n15 miljoen, afhankelijk van")).containsExactly(15_000_000L);
    }

    @Test
    void givenANegativeAmount_whenParsed_thenItIsNegativeButADashOpeningAListItemIsNot() {
        assertThat(amounts("een verlaging van -/- € 4 miljoen")).containsExactly(-4_000_000L);
        assertThat(amounts("een mutatie van \u2212€ 2,5 miljoen")).containsExactly(-2_500_000L);
        assertThat(amounts("kosten:\n- € 5 miljoen voor munitie")).containsExactly(5_000_000L);
    }

    @Test
    void givenTwoAmounts_whenParsed_thenBothInOrderWithTheirPositions() {
        String text = "eerst € 5 miljoen en later € 7 miljoen";
        List<MoneyGrammar.Amount> found = grammar.find(text);
        assertThat(found).extracting(MoneyGrammar.Amount::euros).containsExactly(5_000_000L, 7_000_000L);
        assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo("€ 5 miljoen");
    }
}
