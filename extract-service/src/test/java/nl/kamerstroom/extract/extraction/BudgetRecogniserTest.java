package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.kamerstroom.extract.extraction.Extraction.Budget;
import nl.kamerstroom.extract.extraction.Extraction.Recurrence;

class BudgetRecogniserTest {

    private final BudgetRecogniser recogniser = new BudgetRecogniser();

    private List<Budget> budgets(String text) {
        NormalisedText t = Texts.normalise(text);
        return recogniser.recognise(Texts.sentences(t), t);
    }

    @Test
    void givenAnApproximateAmount_whenRecognised_thenItsTextSaysSo() {
        assertThat(budgets("Er wordt ruim € 40 miljoen naar 2026 geschoven.").get(0).text()).isEqualTo("ruim € 40 miljoen");
        assertThat(budgets("Het totaal bedraagt circa € 22,4 miljard.").get(0).text()).isEqualTo("circa € 22,4 miljard");
        assertThat(budgets("Structureel is ca. 3 miljoen euro nodig.").get(0).text()).isEqualTo("ca. 3 miljoen euro");
    }

    @Test
    void givenAnAmountOnlyInAFootnote_whenRecognised_thenItIsABudgetWithTheFootnoteAsEvidence() {
        String text = "De schade is vergoed.¹ Daarvoor was € 2 miljoen geraamd.\n\n"
                + "¹ Het restant van € 265.433 valt vrij ten gunste van artikel 1.\n";
        List<Budget> found = budgets(text);

        assertThat(found).extracting(Budget::amountEur).containsExactly(2_000_000L, 265_433L);
        Budget footnoted = found.get(1);
        assertThat(footnoted.evidence().quote()).isEqualTo("Het restant van € 265.433 valt vrij ten gunste van artikel 1.");
        assertThat(text.substring(footnoted.evidence().start(), footnoted.evidence().end()))
                .isEqualTo(footnoted.evidence().quote());
    }

    @Test
    void givenStructuralAmountFromAYear_whenRecognised_thenRecurrenceYearAndTextIncludeTheCue() {
        Budget b = budgets("De politie ontvangt vanaf 2024, in oplopende tranches, structureel 4 miljoen euro om te investeren in de TBKK.").get(0);

        assertThat(b.amountEur()).isEqualTo(4_000_000L);
        assertThat(b.text()).isEqualTo("structureel 4 miljoen euro");
        assertThat(b.recurrence()).isEqualTo(Recurrence.STRUCTURAL);
        assertThat(b.year()).isEqualTo(2024);
    }

    @Test
    void givenIncidentalAmount_whenRecognised_thenIncidentalWithTheYearInTheSentence() {
        Budget b = budgets("Vooruitlopend ontving de politie in 2023 als gevolg van het amendement van de leden Bikker en Kuik incidenteel 1 miljoen euro ter versterking van de TBKK.").get(0);

        assertThat(b.recurrence()).isEqualTo(Recurrence.INCIDENTAL);
        assertThat(b.year()).isEqualTo(2023);
        assertThat(b.purpose()).isEqualTo("versterking van de TBKK");
    }

    @Test
    void givenEenmalig_whenRecognised_thenIncidental() {
        assertThat(budgets("Het kabinet stelt eenmalig € 5 miljoen beschikbaar.").get(0).recurrence()).isEqualTo(Recurrence.INCIDENTAL);
    }

    @Test
    void givenPerJaarOrOpJaarbasisAfterTheAmount_whenRecognised_thenStructuralAndTextIncludesIt() {
        Budget perYear = budgets("Dit kost € 2 miljoen per jaar.").get(0);
        assertThat(perYear.recurrence()).isEqualTo(Recurrence.STRUCTURAL);
        assertThat(perYear.text()).isEqualTo("€ 2 miljoen per jaar");
        assertThat(budgets("Dit kost € 3 miljoen op jaarbasis.").get(0).recurrence()).isEqualTo(Recurrence.STRUCTURAL);
    }

    @Test
    void givenAmountAtTheEndOfASentence_whenRecognised_thenTheFullStopIsNotPartOfItsText() {
        assertThat(budgets("De uitgaven worden geraamd op € 8,7 miljoen.").get(0).text()).isEqualTo("€ 8,7 miljoen");
        assertThat(budgets("De kosten bedragen EUR 62,5 miljard. Dat is veel.").get(0).text()).isEqualTo("EUR 62,5 miljard");
        assertThat(budgets("De kosten bedragen € 1,2 mld. in totaal.").get(0).text()).isEqualTo("€ 1,2 mld.");
    }

    @Test
    void givenRecurrenceWordLaterInTheClause_whenRecognised_thenStructuralButTextIsTheAmount() {
        Budget b = budgets("Hiervoor is € 100 mln. gereserveerd, dat vanaf 2026 structureel beschikbaar is.").get(0);
        assertThat(b.recurrence()).isEqualTo(Recurrence.STRUCTURAL);
        assertThat(b.text()).isEqualTo("€ 100 mln.");
        assertThat(b.year()).isEqualTo(2026);
    }

    @Test
    void givenAmountWithoutCue_whenRecognised_thenUnknownRecurrenceAndNoYear() {
        Budget b = budgets("De additionele uitgaven van deze verlenging worden geraamd op\n18,3 miljoen euro.").get(0);
        assertThat(b.recurrence()).isEqualTo(Recurrence.UNKNOWN);
        assertThat(b.year()).isNull();
        assertThat(b.purpose()).isEqualTo("additionele uitgaven van deze verlenging");
    }

    @Test
    void givenAmountRestatedLater_whenRecognised_thenOneBudgetWithTheFirstEvidence() {
        String text = "De kosten bedragen 18,3 miljoen euro. Het gaat om 18,3 miljoen euro voor 2025.";
        List<Budget> found = budgets(text);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).evidence().quote()).isEqualTo("De kosten bedragen 18,3 miljoen euro.");
        assertThat(found.get(0).year()).isEqualTo(2025);
    }

    @Test
    void givenNoMoney_whenRecognised_thenNoBudgets() {
        assertThat(budgets("De formatie is met 24 fte uitgebreid naar 175 fte in 2024, zie artikel 16 en Kamerstuk 27 925, nr. 943.")).isEmpty();
    }

    @Test
    void givenFootnoteMarkerGluedToTheYear_whenRecognised_thenTheYearIsStillRead() {
        Budget b = budgets("Het kabinet trekt vanaf 2025,1 structureel € 10 miljoen uit.\n\n1 Zie de brief.\n").get(0);
        assertThat(b.year()).isEqualTo(2025);
        assertThat(b.amountEur()).isEqualTo(10_000_000L);
    }
}
