package nl.kamerstroom.extract.extraction;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the extractor read from one letter. Plain values: no Avro, no Kafka, no Spring.
 * Every entity carries the evidence it was read from, as offsets into the text that was given to the extractor.
 */
public record Extraction(LetterMetadata letter, List<Mission> missions, List<Budget> budgets, List<Motie> moties) {

    public Extraction {
        missions = List.copyOf(missions);
        budgets = List.copyOf(budgets);
        moties = List.copyOf(moties);
    }

    public enum Chamber { TWEEDE_KAMER, EERSTE_KAMER, UNKNOWN }

    public enum Recurrence { STRUCTURAL, INCIDENTAL, UNKNOWN }

    /** The sentence a fact was read from: {@code text.substring(start, end).equals(quote)}. */
    public record Evidence(String quote, int start, int end) {
    }

    /**
     * @param dossier        "27925", "36600-VIII" (no spaces, chapter suffix after a hyphen)
     * @param documentNumber "111", or an Eerste Kamer letter code such as "AR"
     * @param sessionYear    "2024-2025"
     */
    public record LetterMetadata(String dossier, String dossierTitle, String documentNumber, Chamber chamber,
                                 String sessionYear, LocalDate date, List<Sender> senders) {
        public LetterMetadata {
            senders = senders == null ? List.of() : List.copyOf(senders);
            chamber = chamber == null ? Chamber.UNKNOWN : chamber;
        }
    }

    /** @param role office in lower case, "minister van defensie" */
    public record Sender(String role, String name) {
    }

    /** A fact with its provenance; {@link #naturalKey()} identifies it within its letter. */
    public sealed interface Entity permits Mission, Budget, Motie {
        double confidence();

        Evidence evidence();

        /** What makes two mentions in one letter the same entity; stable across runs of the same extractor. */
        String naturalKey();
    }

    public record Mission(String name, String acronym, String organisation, String country, Integer personnel,
                          LocalDate start, LocalDate end, boolean dutchContribution,
                          double confidence, Evidence evidence) implements Entity {
        @Override
        public String naturalKey() {
            return "mission:" + (acronym != null ? acronym : name).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Budget(long amountEur, String text, Recurrence recurrence, Integer year, String purpose,
                         double confidence, Evidence evidence) implements Entity {
        public Budget {
            recurrence = recurrence == null ? Recurrence.UNKNOWN : recurrence;
        }

        @Override
        public String naturalKey() {
            return "budget:" + amountEur + ":" + recurrence + ":" + year;
        }
    }

    public record Motie(List<Submitter> submitters, KamerstukReference reference, String text,
                        double confidence, Evidence evidence) implements Entity {
        public Motie {
            submitters = List.copyOf(submitters);
        }

        @Override
        public String naturalKey() {
            if (reference != null) {
                return "motie:" + reference.dossier() + "-" + reference.number();
            }
            return "motie:" + String.join("/", submitters.stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList());
        }
    }

    public record Submitter(String name, String party) {
    }

    /**
     * @param dossier     "36410-X" (no spaces, suffix after a hyphen)
     * @param number      "16"
     * @param sessionYear "2023-2024", or null
     */
    public record KamerstukReference(String dossier, String number, Chamber chamber, String sessionYear) {
        public KamerstukReference {
            chamber = chamber == null ? Chamber.UNKNOWN : chamber;
        }
    }
}
