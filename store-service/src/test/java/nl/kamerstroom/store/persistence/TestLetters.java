package nl.kamerstroom.store.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import nl.kamerstroom.store.model.Budget;
import nl.kamerstroom.store.model.EntityIds;
import nl.kamerstroom.store.model.Evidence;
import nl.kamerstroom.store.model.ExtractedLetter;
import nl.kamerstroom.store.model.KamerstukReference;
import nl.kamerstroom.store.model.LetterCriteria;
import nl.kamerstroom.store.model.LetterMetadata;
import nl.kamerstroom.store.model.LetterSummary;
import nl.kamerstroom.store.model.LetterSource;
import nl.kamerstroom.store.model.Mission;
import nl.kamerstroom.store.model.Motie;
import nl.kamerstroom.store.model.PageRequest;
import nl.kamerstroom.store.model.ReceivedLetter;
import nl.kamerstroom.store.model.Sender;
import nl.kamerstroom.store.model.Submitter;

/** Records of one made-up letter; every instance has its own letter id, so tests share the database safely. */
final class TestLetters {

    static final String TEXT = "Het kabinet besluit de bijdrage aan NAVO Missie Irak (NMI) te verlengen. "
            + "Hiervoor is structureel 4 miljoen euro beschikbaar. "
            + "Hiermee geef ik invulling aan de motie van het lid Van Nispen (SP).";
    static final String EXTRACTOR = "rules-1.0";

    final String letterId = HexFormat.of().formatHex(randomBytes(32));

    ReceivedLetter received() {
        return received(TEXT);
    }

    /** This letter as received with another text (the same source, id and time). */
    ReceivedLetter received(String text) {
        return new ReceivedLetter(letterId, Instant.parse("2025-03-14T09:30:00.123Z"),
                new LetterSource("kamerbrief.txt", "text/plain", "TEXT", TEXT.length()), text);
    }

    ExtractedLetter extracted(List<String> missionIds, List<String> budgetIds, List<String> motieIds) {
        return new ExtractedLetter(letterId, Instant.parse("2025-03-14T09:31:00Z"), EXTRACTOR,
                new LetterMetadata("27925", "Bestrijding internationaal terrorisme", "111", "TWEEDE_KAMER", "2024-2025",
                        LocalDate.of(2025, 3, 14),
                        List.of(new Sender("minister van defensie", "R.P. Brekelmans"), new Sender(null, "C.C.J. Veldkamp"))),
                new EntityIds(missionIds, budgetIds, motieIds));
    }

    /**
     * The summaries of this letter among the letters of its dossier that match {@code words} (all of them when null):
     * one when it is listed, none when not. Other tests' letters share the dossier, so the list is narrowed to this one.
     */
    List<LetterSummary> listedInItsDossier(LetterSearch search, String words) {
        String dossier = extracted(List.of(), List.of(), List.of()).metadata().dossier();
        return search.find(new LetterCriteria(dossier, null, null, null, words), new PageRequest(0, 1000)).items().stream()
                .filter(summary -> summary.letterId().equals(letterId))
                .toList();
    }

    String entityId(String name) {
        return letterId.substring(0, 16) + "-" + name;
    }

    Mission mission(String entityId) {
        return new Mission(entityId, letterId, EXTRACTOR, 0.9, evidence("Het kabinet besluit de bijdrage aan NAVO Missie Irak (NMI) te verlengen."),
                "NAVO Missie Irak", "NMI", "NAVO", "Irak", 150, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), true);
    }

    Budget budget(String entityId) {
        return new Budget(entityId, letterId, EXTRACTOR, 0.8, evidence("Hiervoor is structureel 4 miljoen euro beschikbaar."),
                4_000_000L, "structureel 4 miljoen euro", "STRUCTURAL", null, null);
    }

    Motie motie(String entityId) {
        return new Motie(entityId, letterId, EXTRACTOR, 0.7, evidence("Hiermee geef ik invulling aan de motie van het lid Van Nispen (SP)."),
                List.of(new Submitter("Van Nispen", "SP"), new Submitter("Boswijk", null)),
                new KamerstukReference("36410-X", "16", "TWEEDE_KAMER", "2023-2024"),
                "de motie van het lid Van Nispen (SP)");
    }

    /** The evidence of a sentence of {@link #TEXT}, with its real offsets. */
    static Evidence evidence(String sentence) {
        int start = TEXT.indexOf(sentence);
        if (start < 0) {
            throw new IllegalArgumentException("not in the letter text: " + sentence);
        }
        return new Evidence(sentence, start, start + sentence.length());
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
