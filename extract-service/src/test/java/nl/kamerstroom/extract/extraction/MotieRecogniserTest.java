package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.kamerstroom.extract.extraction.Extraction.Chamber;
import nl.kamerstroom.extract.extraction.Extraction.KamerstukReference;
import nl.kamerstroom.extract.extraction.Extraction.Motie;
import nl.kamerstroom.extract.extraction.Extraction.Submitter;

class MotieRecogniserTest {

    private final MotieRecogniser recogniser = new MotieRecogniser(new ReferenceGrammar());

    private List<Motie> moties(String text) {
        NormalisedText t = Texts.normalise(text);
        return recogniser.recognise(Texts.sentences(t), t);
    }

    private static List<String> names(Motie m) {
        return m.submitters().stream().map(Submitter::name).toList();
    }

    @Test
    void givenAFootnoteAfterALetterAboutTheMotie_whenRecognised_thenItIsNotTheMotiesReferenceAndTheMentionsAreOne() {
        List<Motie> found = moties("Deze leden vragen naar de motie van het lid Dittrich (D66) c.s. over wapenleveranties.¹ "
                + "Over de uitvoering van de motie Dittrich c.s. heb ik uw Kamer bij brief van 12 oktober jl. geïnformeerd.²\n\n"
                + "¹ Kamerstukken I 2023/24, 36 410 V, F.\n² Kamerstukken I 2024/25, 36 600 V, B.\n");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(names(m)).containsExactly("Dittrich");
            assertThat(m.reference().number()).isEqualTo("F");
        });
    }

    @Test
    void givenMotieVanDeLedenWithParties_whenRecognised_thenSubmittersInOrderWithParties() {
        Motie m = moties("Ik doe de motie van de leden Kathmann (GroenLinks-PvdA) en Mutluer (GroenLinks-PvdA) om te onderzoeken af.").get(0);

        assertThat(m.submitters()).containsExactly(new Submitter("Kathmann", "GroenLinks-PvdA"), new Submitter("Mutluer", "GroenLinks-PvdA"));
        assertThat(m.text()).isEqualTo("de motie van de leden Kathmann (GroenLinks-PvdA) en Mutluer (GroenLinks-PvdA)");
    }

    @Test
    void givenMotieVanHetLidWithParticleName_whenRecognised_thenNameKeepsItsParticle() {
        Motie m = moties("Zie de motie van het lid Van Nispen (SP) over een meldvoorziening.").get(0);
        assertThat(m.submitters()).containsExactly(new Submitter("Van Nispen", "SP"));
    }

    @Test
    void givenMotieVanDeHeerAndMevrouw_whenRecognised_thenBothAreMoties() {
        List<Motie> found = moties("Naar aanleiding van de motie van de heer Eerdmans (JA21) is onderzoek gedaan. "
                + "De minister heeft een motie van mevrouw Kuik met dezelfde strekking ontraden.");
        assertThat(found).extracting(m -> names(m)).containsExactly(List.of("Eerdmans"), List.of("Kuik"));
        assertThat(found.get(1).text()).isEqualTo("een motie van mevrouw Kuik");
    }

    @Test
    void givenMotieSurnameCs_whenRecognised_thenOneSubmitter() {
        Motie m = moties("Met de motie Hermans c.s. zijn middelen beschikbaar gesteld.").get(0);
        assertThat(names(m)).containsExactly("Hermans");
        assertThat(m.text()).isEqualTo("de motie Hermans c.s.");
    }

    @Test
    void givenSlashAndHyphenForms_whenRecognised_thenSubmittersAreSplit() {
        assertThat(names(moties("conform de aangenomen motie Mutluer/Kathmann.").get(0))).containsExactly("Mutluer", "Kathmann");
        assertThat(names(moties("Uitvoering motie-Van Nispen over een meldvoorziening").get(0))).containsExactly("Van Nispen");
    }

    @Test
    void givenPluralMotiesWithInlineReferences_whenRecognised_thenOneMotiePerGroupWithItsReference() {
        List<Motie> found = moties("Als opvolging van de moties Bosman c.s. (Kamerstuk 27 925, nr. 699) en\n"
                + "Kerstens/Van Ojik (Kamerstuk 27 925, nr. 697), is een raamwerk ontwikkeld.");

        assertThat(found).hasSize(2);
        assertThat(names(found.get(0))).containsExactly("Bosman");
        assertThat(found.get(0).reference()).isEqualTo(new KamerstukReference("27925", "699", Chamber.UNKNOWN, null));
        assertThat(names(found.get(1))).containsExactly("Kerstens", "Van Ojik");
        assertThat(found.get(1).reference().number()).isEqualTo("697");
        assertThat(found.get(1).text()).isEqualTo("Kerstens/Van Ojik (Kamerstuk 27 925, nr. 697)");
    }

    @Test
    void givenFootnoteMarkerAfterTheMotie_whenRecognised_thenReferenceComesFromTheFootnote() {
        Motie m = moties("- de motie van het lid Mutluer (GroenLinks-PvdA) waarin de regering wordt verzocht na te gaan.¹⁶\n\n"
                + "¹⁶ Kamerstukken II 2022/23, 34 843, nr. 79.\n").get(0);
        assertThat(m.reference()).isEqualTo(new KamerstukReference("34843", "79", Chamber.TWEEDE_KAMER, "2022-2023"));
    }

    @Test
    void givenMarkerBeforeTheMotie_whenRecognised_thenThatFootnoteIsNotUsed() {
        Motie m = moties("Zoals vermeld in de brief van 27 maart 2023,³⁵ is naar aanleiding van de motie van de heer Eerdmans (JA21) "
                + "tijdens het debat op 7 december 2022³⁶ een onderzoek ingesteld.\n\n"
                + "³⁵ Kamerstukken II 2022/23, 29 279 nr. 778.\n\n³⁶ Kamerstukken II 2022/23, 29 279, nr. 752.\n").get(0);
        assertThat(m.reference().number()).isEqualTo("752");
    }

    @Test
    void givenFootnoteThatIsNoKamerstuk_whenRecognised_thenNoReference() {
        Motie m = moties("De motie van het lid Helder (BBB) is besproken.¹\n\n¹ Handelingen II, 2022/23, nr. 99, item 9.\n").get(0);
        assertThat(m.reference()).isNull();
        assertThat(names(m)).containsExactly("Helder");
    }

    @Test
    void givenMotieMentionedTwice_whenRecognised_thenOneMotie() {
        List<Motie> found = moties("De motie van het lid Van Nispen (SP) vraagt iets.¹ Daarmee is de motie-Van Nispen uitgevoerd. "
                + "De motie van het lid Van Nispen c.s. verzoekt de regering.²\n\n¹ Kamerstukken II, 2019/20, 34 602, nr. 3.\n"
                + "² Kamerstukken II, 2019/20, 34 602, nr. 3.\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).submitters()).containsExactly(new Submitter("Van Nispen", "SP"));
    }

    @Test
    void givenLaterSurnameOnlyMention_whenRecognised_thenItMergesIntoTheEarlierMotieWithReference() {
        List<Motie> found = moties("Met de motie Hermans c.s.¹ zijn middelen gegeven. Via de middelen uit de motie Hermans is geworven.\n\n"
                + "¹ Kamerstukken II 2021/22, 35925, nr. 13.\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).reference().dossier()).isEqualTo("35925");
    }

    @Test
    void givenTwoMotiesBySameMemberWithDifferentReferences_whenRecognised_thenTwoMoties() {
        List<Motie> found = moties("De motie van de leden Kathmann en Mutluer.¹ De motie van het lid Mutluer.²\n\n"
                + "¹ Kamerstukken II, 2023/24, 36 377, nr. 16.\n² Kamerstukken II 2022/23, 34 843, nr. 79.\n");
        assertThat(found).hasSize(2);
    }

    @Test
    void givenAmendementAndToezegging_whenRecognised_thenNoMotie() {
        assertThat(moties("Het verbod is met het amendement van het lid Michon-Derkzen (VVD) aan de wet toegevoegd. "
                + "Ik heb het lid Eerdmans (JA21) toegezegd de Kamer te informeren.¹\n\n¹ Kamerstukken II, 2023/24, 36 377, nr. 16.\n")).isEmpty();
    }

    @Test
    void givenMotieWithoutSubmitterOrReference_whenRecognised_thenNothing() {
        assertThat(moties("Verder doe ik in deze brief drie moties af. De Tweede Kamer heeft deze motie niet aangenomen.")).isEmpty();
    }

    @Test
    void givenMotieWithOnlyAnInlineReference_whenRecognised_thenMotieWithoutSubmitters() {
        Motie m = moties("Zo geef ik uitvoering aan de motie (Kamerstuk 36 410 X, nr. 7).").get(0);
        assertThat(m.submitters()).isEmpty();
        assertThat(m.reference().dossier()).isEqualTo("36410-X");
    }

    @Test
    void givenMotieCitedInAFootnote_whenRecognised_thenItIsFoundWithEvidenceFromTheFootnote() {
        String text = "Het kabinet voert de motie uit.¹\n\n¹ Motie van het lid Boswijk c.s., Kamerstuk 36 410 X, nr. 24.\n";
        Motie m = moties(text).get(0);
        assertThat(names(m)).containsExactly("Boswijk");
        assertThat(m.reference().number()).isEqualTo("24");
        assertThat(text.substring(m.evidence().start(), m.evidence().end())).isEqualTo(m.evidence().quote());
    }

    @Test
    void givenReferenceInParenthesesAtTheEndOfTheClause_whenRecognised_thenItIsTheMotiesReference() {
        Motie m = moties("Met de motie van het lid Boswijk c.s. over de defensie-industrie (36 410 X, nr. 24) heeft de Kamer verzocht.").get(0);
        assertThat(m.reference().dossier()).isEqualTo("36410-X");
        assertThat(m.reference().number()).isEqualTo("24");
    }

    @Test
    void givenFirstNameBeforeParticle_whenRecognised_thenTheSurnameIsKept() {
        Motie m = moties("De motie van het lid Jasper van Dijk (SP) vraagt om meer onderzoek.").get(0);
        assertThat(names(m)).containsExactly("Jasper van Dijk");
        assertThat(MotieRecogniser.surnames(m.submitters())).containsExactly("dijk");
    }

    @Test
    void givenListOfThreeSubmitters_whenRecognised_thenAllInOrder() {
        Motie m = moties("De motie van de leden Sjoerdsma, Belhaj en Van Helvert verzoekt de regering.").get(0);
        assertThat(names(m)).containsExactly("Sjoerdsma", "Belhaj", "Van Helvert");
    }

    @Test
    void givenSubmittersBeforeMotieAndAParticiple_whenRecognised_thenTheyAreTheSubmitters() {
        List<Motie> found = moties("Tijdens het debat op 12 februari jl. hebben de leden Pool (PVV) en Van der Werf (D66) een motie "
                + "ingediend over het werkgeverschap. Deze motie is aangenomen.");

        assertThat(found).hasSize(1);
        assertThat(found.get(0).submitters()).containsExactly(new Submitter("Pool", "PVV"), new Submitter("Van der Werf", "D66"));
        assertThat(found.get(0).reference()).isNull();
        assertThat(found.get(0).text()).isEqualTo("de leden Pool (PVV) en Van der Werf (D66) een motie ingediend");
    }

    @Test
    void givenSubmitterBeforeMotieWithAFollowingFootnote_whenRecognised_thenReferenceFromTheFootnote() {
        Motie m = moties("Het lid Boswijk (CDA) heeft een motie ingediend over de reservisten.¹\n\n"
                + "¹ Kamerstuk 36 600 X, nr. 44.\n").get(0);
        assertThat(names(m)).containsExactly("Boswijk");
        assertThat(m.reference().number()).isEqualTo("44");
    }

    @Test
    void givenMemberBeforeMotieInAnotherClauseOrWithoutParticiple_whenRecognised_thenNoMotie() {
        assertThat(moties("Ik heb het lid Eerdmans (JA21) geantwoord; een motie is aangenomen.")).isEmpty();
        assertThat(moties("Volgens de leden Pool en Dassen een motie waard.")).isEmpty();
    }
}
