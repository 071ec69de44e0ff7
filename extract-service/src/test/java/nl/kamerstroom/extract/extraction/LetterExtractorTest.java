package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LetterExtractorTest {

    private static LetterExtractor extractor;
    private static String tk;
    private static String ek;

    @BeforeAll
    static void setUp() throws Exception {
        extractor = new LetterExtractor();
        tk = GoldLettersTest.resource("/letters/tk-34843-111-seksueel-geweld.txt");
        ek = GoldLettersTest.resource("/letters/ek-27925-AR-nmi-force-protection.txt");
    }

    @Test
    void givenVersion_whenRead_thenItIsTheReleasedRuleSet() {
        assertThat(LetterExtractor.VERSION).isEqualTo("1.2.0");
    }

    @Test
    void givenBlankText_whenExtracted_thenEmptyExtractionWithUnknownChamber() {
        Extraction e = extractor.extract("  \n ");
        assertThat(e.missions()).isEmpty();
        assertThat(e.budgets()).isEmpty();
        assertThat(e.moties()).isEmpty();
        assertThat(e.letter().chamber()).isEqualTo(Extraction.Chamber.UNKNOWN);
    }

    @Test
    void givenAStageListener_whenExtracting_thenEachStageIsReportedOnceInOrderAndTheResultIsUnchanged() {
        List<LetterExtractor.Stage> ended = new ArrayList<>();

        Extraction withListener = extractor.extract(ek, ended::add);

        assertThat(ended).containsExactly(LetterExtractor.Stage.values());
        assertThat(withListener).isEqualTo(extractor.extract(ek));
        assertThat(withListener.missions()).isNotEmpty();
    }

    @Test
    void givenOneExtractorSharedByThreads_whenExtractingConcurrently_thenResultsEqualSequentialOnes() throws Exception {
        Extraction expectedTk = extractor.extract(tk);
        Extraction expectedEk = extractor.extract(ek);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean useTk = i % 2 == 0;
                results.add(pool.submit(() -> useTk ? extractor.extract(tk).equals(expectedTk) : extractor.extract(ek).equals(expectedEk)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenPathologicalInput_whenExtracted_thenItFinishesInLinearTime() {
        StringBuilder nasty = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            nasty.append("(((( motie van de leden A, B, C en D ").append(i).append(" € 1 2 3 4 5 ").append("---\n1 ")
                    .append("NAVO Missie ").append("Irak".repeat(3)).append(" van 1 januari tot ");
        }
        String text = nasty.toString();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> extractor.extract(text));
    }

    @Test
    void givenLargeLetter_whenExtracted_thenEvidenceStaysExact() {
        String big = (tk + "\n\n" + ek + "\n\n").repeat(5);
        Extraction e = extractor.extract(big);
        GoldLettersTest.assertEvidenceExact(big, e);
        assertThat(e.moties()).isNotEmpty();
        assertThat(e.missions()).isNotEmpty();
    }

    @Test
    void givenLetters_whenExtracted_thenNaturalKeysAreUniquePerEntity() {
        for (String text : List.of(tk, ek, tk + "\n\n" + ek)) {
            Extraction e = extractor.extract(text);
            List<String> keys = new ArrayList<>();
            e.missions().forEach(m -> keys.add(m.naturalKey()));
            e.budgets().forEach(b -> keys.add(b.naturalKey()));
            e.moties().forEach(m -> keys.add(m.naturalKey()));
            assertThat(keys).doesNotHaveDuplicates();
        }
    }
}
