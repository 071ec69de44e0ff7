package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.kamerstroom.extract.extraction.Extraction.Chamber;
import nl.kamerstroom.extract.extraction.Extraction.LetterMetadata;
import nl.kamerstroom.extract.extraction.Extraction.Sender;

class MetadataReaderTest {

    private final MetadataReader reader = new MetadataReader(new ReferenceGrammar());

    private static final String TK_LETTER = """
            34843 Seksuele intimidatie en geweld

            Nr. 111 Brief van de minister van Justitie en
            Veiligheid

            Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

            Den Haag, 19 juni 2024

            De impact is groot.

            De minister van Justitie en Veiligheid,
            D. Yeşilgöz-Zegerius
            """;

    private static final String EK_LETTER = """
            Eerste Kamer der Staten-Generaal 1
            Vergaderjaar 2024–2025

            27 925 Bestrijding internationaal terrorisme

            AR  BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN, DE
            MINISTER VAN DEFENSIE EN DE MINISTER VOOR BUITEN-
            LANDSE HANDEL EN ONTWIKKELINGSHULP

            Aan de Voorzitter van de Eerste Kamer der Staten-Generaal

            Den Haag, 22 november 2024

            Tekst.

            De Minister van Buitenlandse Zaken,
            C.C.J. Veldkamp

            De Minister van Defensie,
            R.P. Brekelmans

            De Minister voor Buitenlandse Handel en Ontwikkelingshulp,
            R.J. Klever
            """;

    @Test
    void givenTweedeKamerHeader_whenRead_thenDossierTitleNumberChamberAndDate() {
        LetterMetadata m = reader.read(TK_LETTER);

        assertThat(m.dossier()).isEqualTo("34843");
        assertThat(m.dossierTitle()).isEqualTo("Seksuele intimidatie en geweld");
        assertThat(m.documentNumber()).isEqualTo("111");
        assertThat(m.chamber()).isEqualTo(Chamber.TWEEDE_KAMER);
        assertThat(m.date()).isEqualTo(LocalDate.of(2024, 6, 19));
    }

    @Test
    void givenLetterThatDoesNotStateTheVergaderjaar_whenRead_thenSessionYearIsNull() {
        assertThat(reader.read(TK_LETTER).sessionYear()).isNull();
    }

    @Test
    void givenEersteKamerHeader_whenRead_thenLetterCodeSessionYearAndChamber() {
        LetterMetadata m = reader.read(EK_LETTER);

        assertThat(m.dossier()).isEqualTo("27925");
        assertThat(m.dossierTitle()).isEqualTo("Bestrijding internationaal terrorisme");
        assertThat(m.documentNumber()).isEqualTo("AR");
        assertThat(m.chamber()).isEqualTo(Chamber.EERSTE_KAMER);
        assertThat(m.sessionYear()).isEqualTo("2024-2025");
    }

    @Test
    void givenSeveralSignatories_whenRead_thenEveryOneWithLowerCaseRole() {
        assertThat(reader.read(EK_LETTER).senders()).containsExactly(
                new Sender("minister van buitenlandse zaken", "C.C.J. Veldkamp"),
                new Sender("minister van defensie", "R.P. Brekelmans"),
                new Sender("minister voor buitenlandse handel en ontwikkelingshulp", "R.J. Klever"));
    }

    @Test
    void givenSingleSignatory_whenRead_thenNameAsSigned() {
        assertThat(reader.read(TK_LETTER).senders()).containsExactly(
                new Sender("minister van justitie en veiligheid", "D. Yeşilgöz-Zegerius"));
    }

    @Test
    void givenNoSignatureBlock_whenRead_thenRolesFromTheHeaderWithoutNames() {
        String withoutSignature = EK_LETTER.substring(0, EK_LETTER.indexOf("De Minister van Buitenlandse Zaken,"));
        assertThat(reader.read(withoutSignature).senders()).extracting(Sender::role).containsExactly(
                "minister van buitenlandse zaken", "minister van defensie", "minister voor buitenlandse handel en ontwikkelingshulp");
    }

    @Test
    void givenChapterSuffixInDossier_whenRead_thenSuffixAfterHyphen() {
        LetterMetadata m = reader.read("36 600 VIII Vaststelling van de begrotingsstaten van het Ministerie van\nOnderwijs, Cultuur en Wetenschap (VIII) voor het jaar 2025\n\nNr. 12 Brief van de minister\n");
        assertThat(m.dossier()).isEqualTo("36600-VIII");
        assertThat(m.dossierTitle()).isEqualTo("Vaststelling van de begrotingsstaten van het Ministerie van Onderwijs, Cultuur en Wetenschap (VIII) voor het jaar 2025");
        assertThat(m.documentNumber()).isEqualTo("12");
    }

    @Test
    void givenSGravenhageDate_whenRead_thenDateIsParsed() {
        assertThat(reader.read("Aan de Voorzitter van de Tweede Kamer\n\n's-Gravenhage, 3 maart 2003\n").date()).isEqualTo(LocalDate.of(2003, 3, 3));
        assertThat(reader.read("’s-Gravenhage, 12 mei 2010\n").date()).isEqualTo(LocalDate.of(2010, 5, 12));
    }

    @Test
    void givenAWebPageWithAPublicationDateAboveTheLetter_whenRead_thenTheLettersOwnDateAndSessionYear() {
        LetterMetadata m = reader.read("Officiële bekendmakingen\nPublicatiedatum: 28-05-2024\nVergaderjaar: 2023-2024\n\n"
                + "Tweede Kamer der Staten-Generaal\n\n36 410 X Vaststelling van de begrotingsstaten\n\nNr. 12 BRIEF VAN DE "
                + "MINISTER VAN DEFENSIE\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 21 mei 2024\n\n"
                + "Hierbij informeer ik u.\n");
        assertThat(m.date()).isEqualTo(LocalDate.of(2024, 5, 21));
        assertThat(m.sessionYear()).isEqualTo("2023-2024");
        assertThat(m.documentNumber()).isEqualTo("12");
    }

    @Test
    void givenARijksoverheidPage_whenRead_thenTheDossierTitleFromItsDossierLine() {
        LetterMetadata m = reader.read("Rijksoverheid.nl\nKamerstuk | 06-03-2025\nDossier: 29 628 Politie | Kamerstuk 29 628, nr. 1251\n\n"
                + "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 6 maart 2025\n");
        assertThat(m.dossier()).isEqualTo("29628");
        assertThat(m.dossierTitle()).isEqualTo("Politie");
    }

    @Test
    void givenInitialsWrittenApart_whenTheSignatureIsRead_thenTheNameIsAsSigned() {
        LetterMetadata m = reader.read("Den Haag, 1 december 1995\n\nTekst.\n\nDe Minister van Buitenlandse Zaken,\n"
                + "H. A. F. M. O. van Mierlo\n");
        assertThat(m.senders()).extracting(Extraction.Sender::name).containsExactly("H. A. F. M. O. van Mierlo");
    }

    @Test
    void givenWebMirrorNumericDate_whenRead_thenDayFirst() {
        assertThat(reader.read("Tweede Kamer der Staten-Generaal\n03-03-2003\n\nBrief van de minister van Defensie\n").date())
                .isEqualTo(LocalDate.of(2003, 3, 3));
        assertThat(reader.read("Den Haag, 03-03-2003\n").date()).isEqualTo(LocalDate.of(2003, 3, 3));
    }

    @Test
    void givenRunningHeaderOnly_whenRead_thenDossierNumberSessionYearAndChamberFromIt() {
        LetterMetadata m = reader.read("Tekst van de brief.\nTweede Kamer, vergaderjaar 2023–2024, 36 410 X, nr. 7 2\nMeer tekst.\n");
        assertThat(m.dossier()).isEqualTo("36410-X");
        assertThat(m.documentNumber()).isEqualTo("7");
        assertThat(m.sessionYear()).isEqualTo("2023-2024");
        assertThat(m.chamber()).isEqualTo(Chamber.TWEEDE_KAMER);
    }

    @Test
    void givenCitationAtTopOfWebPage_whenRead_thenDossierAndNumberFromIt() {
        LetterMetadata m = reader.read("Kamerstuk 34843, nr. 111\n\nDen Haag, 19 juni 2024\n");
        assertThat(m.dossier()).isEqualTo("34843");
        assertThat(m.documentNumber()).isEqualTo("111");
    }

    @Test
    void givenWebLayoutWithTheTitleBelowTheDossierNumber_whenRead_thenDossierAndTitle() {
        LetterMetadata m = reader.read("Tweede Kamer der Staten-Generaal\nVergaderjaar 2002–2003\n22 181\n"
                + "Vredesoperaties in het voormalig Joegoslavië\nNr. 254\nBRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN\n"
                + "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n's-Gravenhage, 3 maart 2003\nTekst.\n");
        assertThat(m.dossier()).isEqualTo("22181");
        assertThat(m.dossierTitle()).isEqualTo("Vredesoperaties in het voormalig Joegoslavië");
        assertThat(m.documentNumber()).isEqualTo("254");
    }

    @Test
    void givenDossierNumberAloneAboveTheNumberLine_whenRead_thenNoTitle() {
        LetterMetadata m = reader.read("29 521\nNr. 480 Brief van de minister van Defensie\n\nDen Haag, 14 november 2024\n");
        assertThat(m.dossierTitle()).isNull();
        assertThat(m.documentNumber()).isEqualTo("480");
    }

    @Test
    void givenChamberOnlyInHeader_whenRead_thenFromTheHeader() {
        assertThat(reader.read("Eerste Kamer der Staten-Generaal\n\nTekst\n").chamber()).isEqualTo(Chamber.EERSTE_KAMER);
        assertThat(reader.read("Een brief zonder kop.").chamber()).isEqualTo(Chamber.UNKNOWN);
    }

    @Test
    void givenStaatssecretarisSignatureWithBlankLine_whenRead_thenFound() {
        assertThat(reader.read("Tekst.\n\nDe staatssecretaris van Defensie,\n\nG.P. Tuinman\n").senders())
                .containsExactly(new Sender("staatssecretaris van defensie", "G.P. Tuinman"));
    }

    @Test
    void givenHeaderAndSignatureInCapitals_whenRead_thenDateAndSignatoryAreFound() {
        LetterMetadata m = reader.read("Tekst.\n\nDEN HAAG, 3 MAART 2025\n\nTekst.\n\nDE STAATSSECRETARIS VAN DEFENSIE,\n\nG.P. Tuinman\n");

        assertThat(m.date()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(m.senders()).containsExactly(new Sender("staatssecretaris van defensie", "G.P. Tuinman"));
    }

    @Test
    void givenLinesThatStartWithDeButAreNoSignature_whenRead_thenOnlyTheSignatureCounts() {
        String letter = "Publicatiedatum: 04-03-2025\n\nDe minister heeft besloten.\nDe  minister van Defensie,\nR.P. Brekelmans\n";

        LetterMetadata m = reader.read(letter);

        assertThat(m.date()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(m.senders()).containsExactly(new Sender("minister van defensie", "R.P. Brekelmans"));
    }

    @Test
    void givenPrimeMinisterWithTwoRoleLines_whenRead_thenOneSenderWithBothRoles() {
        assertThat(reader.read("Tekst.\n\nDe Minister-President,\nMinister van Algemene Zaken,\nD. Schoof\n").senders())
                .containsExactly(new Sender("minister-president, minister van algemene zaken", "D. Schoof"));
    }
}
