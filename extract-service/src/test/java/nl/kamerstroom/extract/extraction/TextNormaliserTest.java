package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void givenUnicodeSuperscriptMarker_whenNormalised_thenMarkerIsRemovedAndRecordedAfterTheWord() {
        NormalisedText t = Texts.normalise("De motie Hermans c.s.²⁵ zijn middelen.\n\n²⁵ Kamerstukken II 2021/22, 35925, nr. 13.\n");

        assertThat(t.body()).startsWith("De motie Hermans c.s. zijn middelen.");
        assertThat(t.markers()).extracting(NormalisedText.Marker::number).containsExactly(25);
        assertThat(t.markers().get(0).bodyPosition()).isEqualTo("De motie Hermans c.s.".length());
    }

    @Test
    void givenSuperscriptFootnoteText_whenNormalised_thenFootnoteIsReadAndLeftOutOfTheBody() {
        NormalisedText t = Texts.normalise("Zie de motie.¹⁴\n\n¹⁴ Kamerstukken II, 2023/24, 36 377, nr. 16.\n\nVerder gaat de tekst.");

        assertThat(t.footnote(14).text()).isEqualTo("Kamerstukken II, 2023/24, 36 377, nr. 16.");
        assertThat(t.body()).doesNotContain("Kamerstukken").contains("Verder gaat de tekst.");
    }

    @Test
    void givenPlainDigitMarkerGluedToWord_whenFootnoteWithThatNumberExists_thenMarkerIsRemoved() {
        String text = "de veiligheidsinzet in Irak1 informeren wij u.\n\n1 Kamerbrief over Irak (Kamerstuk 27 925, nr. 943).\n";
        NormalisedText t = Texts.normalise(text);

        assertThat(t.body()).contains("in Irak informeren");
        assertThat(t.footnote(1).text()).isEqualTo("Kamerbrief over Irak (Kamerstuk 27 925, nr. 943).");
        assertThat(t.markers()).extracting(NormalisedText.Marker::number).containsExactly(1);
    }

    @Test
    void givenMarkersGluedAfterFullStopYearAndComma_whenNormalised_thenYearsKeepTheirDigits() {
        String text = "Het project is gestart1. Dat was in 2024.2 Ook in 2023,3 zo.\n\n"
                + "1 Zie de brief.\n2 Zie de tweede brief.\n3 Zie de derde brief.\n";
        NormalisedText t = Texts.normalise(text);

        assertThat(t.body()).contains("gestart. Dat was in 2024. Ook in 2023, zo.");
        assertThat(t.markers()).extracting(NormalisedText.Marker::number).containsExactly(1, 2, 3);
    }

    @Test
    void givenDecimalAmount_whenAFootnoteWithTheSameDigitExists_thenTheAmountIsNotCorrupted() {
        String text = "De uitgaven worden geraamd op 18,1 miljoen euro en dat staat in Irak.1\n\n1 Zie de brief.\n";
        NormalisedText t = Texts.normalise(text);

        assertThat(t.body()).contains("18,1 miljoen euro").contains("in Irak.\n");
        assertThat(t.markers()).extracting(NormalisedText.Marker::number).containsExactly(1);
    }

    @Test
    void givenNumberAtLineStartWithoutGluedMarker_whenNormalised_thenItStaysBodyText() {
        String text = "De compagnie telt in totaal circa\n145 militairen en\n1 Chinook voor transport.";
        NormalisedText t = Texts.normalise(text);

        assertThat(t.body()).isEqualTo(text);
        assertThat(t.footnotes()).isEmpty();
    }

    @Test
    void givenNonBreakingSpaceInNumber_whenNormalised_thenItBecomesAPlainSpace() {
        NormalisedText t = Texts.normalise("Kamerstuk 21\u00A0501-28, nr. 250 kost €\u00A0535\u00A0000.");

        assertThat(t.body()).isEqualTo("Kamerstuk 21 501-28, nr. 250 kost € 535 000.");
    }

    @Test
    void givenWordHyphenatedAcrossLines_whenNormalised_thenItIsJoined() {
        assertThat(Texts.normalise("in de aanvul-\nlende inzet").body()).isEqualTo("in de aanvullende inzet");
        assertThat(Texts.normalise("DE MINISTER VOOR BUITEN-\nLANDSE HANDEL").body()).isEqualTo("DE MINISTER VOOR BUITENLANDSE HANDEL");
    }

    @Test
    void givenCompoundWithAcronymBrokenAtItsHyphen_whenNormalised_thenTheHyphenStays() {
        assertThat(Texts.normalise("de EU-\nmissie in Irak").body()).isEqualTo("de EU-missie in Irak");
        assertThat(Texts.normalise("de anti-ISIS-\nCoalitie").body()).isEqualTo("de anti-ISIS-Coalitie");
    }

    @Test
    void givenRunningHeaderMidSentence_whenNormalised_thenTheSentenceReadsOn() {
        String text = "De gronden voor NMI zijn grotendeels nog\nEerste Kamer, vergaderjaar 2024–2025, 27 925, AR 2\nvan toepassing.";
        NormalisedText t = Texts.normalise(text);

        assertThat(t.body()).doesNotContain("vergaderjaar");
        assertThat(Texts.sentences(t)).hasSize(1);
    }

    @Test
    void givenRunningHeaderInsideANameBeforeACapital_whenNormalised_thenItIsAnOrdinaryLineBreak() {
        String line = "Met deze brief wordt tevens invulling gegeven aan de motie van het lid Van\n";
        String text = "Moties\n\n" + line + line + "Eerste Kamer, vergaderjaar 2024–2025, 36 600 V, BF 3\n"
                + "Apeldoorn c.s. over het tijdig informeren (Kamerstukken I 2023/24, 36 410 V, G).";
        NormalisedText t = Texts.normalise(text);

        assertThat(t.body()).contains("het lid Van\nApeldoorn c.s.").doesNotContain("vergaderjaar");
        assertThat(Texts.sentences(t)).hasSize(2); // the heading, and one sentence
    }

    @Test
    void givenTweedeKamerHeaderInsideAName_whenNormalised_thenItIsAnOrdinaryLineBreak() {
        String text = "Het kabinet geeft uitvoering aan de motie van de leden Van der Lee en Van\n"
                + "Tweede Kamer, vergaderjaar 2024–2025, 29 521, nr. 480 2\n\nBaarle over de inzet.";
        assertThat(Texts.sentences(Texts.normalise(text))).hasSize(1);
    }

    @Test
    void givenShortHeadingBeforeAPageBreak_whenNormalised_thenItStaysAParagraphOfItsOwn() {
        String text = "Het Nederlandse fregat zal waar nodig informatie uitwisselen met de partners\n"
                + "van de Combined Maritime Forces die zich richten op de veiligheid van de zee.\n\n"
                + "Nederlandse bijdrage aan Aspides\n\n\n1 Kamerstuk 29 521, nr. 482.\n"
                + "Eerste Kamer, vergaderjaar 2024–2025, 36 600 V, BF 2\n"
                + "Nederland levert een fregat aan EUNAVFOR Aspides.";
        NormalisedText t = Texts.normalise(text);

        assertThat(Texts.sentences(t)).extracting(Sentence::text)
                .containsExactly("Het Nederlandse fregat zal waar nodig informatie uitwisselen met de partners\n"
                                + "van de Combined Maritime Forces die zich richten op de veiligheid van de zee.",
                        "Nederlandse bijdrage aan Aspides", "Nederland levert een fregat aan EUNAVFOR Aspides.");
    }

    @Test
    void givenWebPageChrome_whenNormalised_thenItIsRemovedAndStandsAsAParagraphBreak() {
        String text = "Rijksoverheid.nl\nHome\nDocumenten\nKamerbrief over eFP Litouwen\nKamerstuk: Kamerbrief | 03-03-2025\n"
                + "Minister Brekelmans informeert de Kamer.\nDe kosten blijven binnen de kaders\nNaar boven\nDeel deze pagina\n"
                + "PDF document | 4 pagina's | 214 kB\nFacebook\n";
        NormalisedText t = Texts.normalise(text);

        assertThat(t.body()).doesNotContain("Rijksoverheid").doesNotContain("Home").doesNotContain("Naar boven")
                .doesNotContain("Deel deze").doesNotContain("214 kB").doesNotContain("Facebook");
        assertThat(Texts.sentences(t)).extracting(Sentence::text).containsExactly("Kamerbrief over eFP Litouwen",
                "Minister Brekelmans informeert de Kamer.", "De kosten blijven binnen de kaders");
    }

    @Test
    void givenFootnoteBlockMidSentence_whenNormalised_thenTheSentenceReadsOnAndEvidenceQuotesTheOriginal() {
        String text = "De ATKM kan daadwerkelijk op online materiaal\n\n¹⁹ COM(2020) 607 final\n\n²⁰ Het nieuwe artikel 252.\n\ngaan handhaven. Volgende zin.";
        NormalisedText t = Texts.normalise(text);

        Sentence first = Texts.sentences(t).get(0);
        assertThat(first.text()).isEqualTo("De ATKM kan daadwerkelijk op online materiaal\ngaan handhaven.");
        Extraction.Evidence ev = t.evidence(first.start(), first.end());
        assertThat(text.substring(ev.start(), ev.end())).isEqualTo(ev.quote());
        assertThat(ev.quote()).startsWith("De ATKM").endsWith("gaan handhaven.");
    }

    @Test
    void givenMultiLineFootnote_whenNormalised_thenItsContinuationLinesBelongToIt() {
        String text = "in Irak1 informeren wij u.\n\n1 Kamerbrief d.d. 7 juli 2023 (Kamerstuk 27 925, nr. 943)\n"
                + "en Kamerbrief d.d. 29 september 2023\n(Kamerstuk 27 925, nr. 946).\n van toepassing.";
        NormalisedText t = Texts.normalise(text);

        assertThat(t.footnote(1).text()).endsWith("(Kamerstuk 27 925, nr. 946).");
        assertThat(t.body()).contains("van toepassing.").doesNotContain("946");
    }

    @Test
    void givenEvidenceOfAnyBodyRange_whenMapped_thenItIsTheExactOriginalSubstring() {
        String text = "Eerste zin met aanvul-\nlende tekst¹ en\u00A0meer.\n\n¹ Noot.\n";
        NormalisedText t = Texts.normalise(text);
        for (Sentence s : Texts.sentences(t)) {
            Extraction.Evidence ev = t.evidence(s.start(), s.end());
            assertThat(text.substring(ev.start(), ev.end())).isEqualTo(ev.quote());
        }
        assertThat(t.evidence(0, t.body().indexOf('.') + 1).quote()).isEqualTo("Eerste zin met aanvul-\nlende tekst¹ en\u00A0meer.");
    }
}
