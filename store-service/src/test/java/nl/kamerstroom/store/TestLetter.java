package nl.kamerstroom.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.avro.Chamber;
import nl.kamerstroom.avro.DocumentFormat;
import nl.kamerstroom.avro.Evidence;
import nl.kamerstroom.avro.KamerstukReference;
import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.avro.LetterSource;
import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.avro.Motie;
import nl.kamerstroom.avro.Recurrence;
import nl.kamerstroom.avro.Sender;
import nl.kamerstroom.avro.Submitter;
import nl.kamerstroom.schemas.Topics;

/**
 * One letter with its facts as ingest-service and extract-service would publish them, built by hand: each fact's
 * evidence is the sentence of the text around a phrase, with its real offsets. Every instance has its own letter id.
 */
public final class TestLetter {

    static final String EXTRACTOR = "rules-test";

    final String letterId = HexFormat.of().formatHex(randomBytes(32));
    final String text;
    final String dossier;
    final LocalDate date;
    Chamber chamber = Chamber.TWEEDE_KAMER;
    String dossierTitle = "Testdossier";
    String documentNumber = "1";
    final List<Mission> missions = new ArrayList<>();
    final List<Budget> budgets = new ArrayList<>();
    final List<Motie> moties = new ArrayList<>();

    TestLetter(String text, String dossier, LocalDate date) {
        this.text = text;
        this.dossier = dossier;
        this.date = date;
    }

    /** The text of a sample letter in {@code src/test/resources/letters/} (copied from extract-service's samples). */
    public static String sample(String name) {
        try (InputStream in = TestLetter.class.getResourceAsStream("/letters/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dossier number no other test uses, so list queries in one test see only its own letters. */
    static String uniqueDossier() {
        return "T" + HexFormat.of().formatHex(randomBytes(4));
    }

    TestLetter mission(String phrase, String name, String acronym, String organisation, String country, Integer personnel,
                       LocalDate start, LocalDate end, boolean dutchContribution) {
        missions.add(Mission.newBuilder()
                .setEntityId(entityId("mission", missions.size()))
                .setLetterId(letterId)
                .setExtractorVersion(EXTRACTOR)
                .setConfidence(0.9)
                .setEvidence(evidence(phrase))
                .setName(name).setAcronym(acronym).setOrganisation(organisation).setCountry(country)
                .setPersonnel(personnel).setStart(start).setEnd(end).setDutchContribution(dutchContribution)
                .build());
        return this;
    }

    /** A budget whose own text is {@code phrase}, as the extractor gives it. */
    TestLetter budget(String phrase, long amountEur, Recurrence recurrence, Integer year, String purpose) {
        budgets.add(Budget.newBuilder()
                .setEntityId(entityId("budget", budgets.size()))
                .setLetterId(letterId)
                .setExtractorVersion(EXTRACTOR)
                .setConfidence(0.8)
                .setEvidence(evidence(phrase))
                .setAmountEur(amountEur).setText(phrase).setRecurrence(recurrence).setYear(year).setPurpose(purpose)
                .build());
        return this;
    }

    /** A motie whose own text is {@code phrase}. */
    TestLetter motie(String phrase, List<Submitter> submitters, String referenceDossier, String referenceNumber) {
        moties.add(Motie.newBuilder()
                .setEntityId(entityId("motie", moties.size()))
                .setLetterId(letterId)
                .setExtractorVersion(EXTRACTOR)
                .setConfidence(0.7)
                .setEvidence(evidence(phrase))
                .setSubmitters(submitters)
                .setReference(referenceDossier == null ? null
                        : new KamerstukReference(referenceDossier, referenceNumber, Chamber.TWEEDE_KAMER, "2023-2024"))
                .setText(phrase)
                .build());
        return this;
    }

    LetterReceived received() {
        return LetterReceived.newBuilder()
                .setLetterId(letterId)
                .setReceivedAt(Instant.parse("2025-03-14T09:30:00.123Z"))
                .setSource(LetterSource.newBuilder()
                        .setFileName("kamerbrief.txt").setContentType("text/plain").setFormat(DocumentFormat.TEXT)
                        .setSizeBytes(text.getBytes(StandardCharsets.UTF_8).length)
                        .build())
                .setText(text)
                .build();
    }

    LetterExtracted extracted(Instant extractedAt) {
        return LetterExtracted.newBuilder()
                .setLetterId(letterId)
                .setExtractedAt(extractedAt)
                .setExtractorVersion(EXTRACTOR)
                .setDossier(dossier)
                .setDossierTitle(dossierTitle)
                .setDocumentNumber(documentNumber)
                .setChamber(chamber)
                .setSessionYear("2024-2025")
                .setDate(date)
                .setSenders(List.of(new Sender("minister van defensie", "R.P. Brekelmans")))
                .setMissionIds(missions.stream().map(Mission::getEntityId).toList())
                .setBudgetIds(budgets.stream().map(Budget::getEntityId).toList())
                .setMotieIds(moties.stream().map(Motie::getEntityId).toList())
                .build();
    }

    /** Publishes the letter on all five topics, as ingest-service and extract-service would. */
    void publish() throws Exception {
        IntegrationTestSupport.send(Topics.LETTERS_RECEIVED, letterId, received());
        publishExtraction(Instant.parse("2025-03-14T09:31:00Z"));
    }

    /** Publishes the entities and then the extraction, as extract-service does in its transaction. */
    void publishExtraction(Instant extractedAt) throws Exception {
        for (Mission mission : missions) {
            IntegrationTestSupport.send(Topics.MISSIONS, mission.getEntityId(), mission);
        }
        for (Budget budget : budgets) {
            IntegrationTestSupport.send(Topics.BUDGETS, budget.getEntityId(), budget);
        }
        for (Motie motie : moties) {
            IntegrationTestSupport.send(Topics.MOTIES, motie.getEntityId(), motie);
        }
        IntegrationTestSupport.send(Topics.LETTERS_EXTRACTED, letterId, extracted(extractedAt));
    }

    /**
     * The sentence around the first occurrence of {@code phrase}: from just after the previous full stop, blank
     * line or start, to the next full stop that ends a sentence.
     */
    Evidence evidence(String phrase) {
        int at = text.indexOf(phrase);
        if (at < 0) {
            throw new IllegalArgumentException("not in the letter text: " + phrase);
        }
        int start = Math.max(Math.max(text.lastIndexOf(". ", at), text.lastIndexOf(".\n", at)), text.lastIndexOf("\n\n", at));
        start = start < 0 ? 0 : start + 2;
        while (start < at && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = at + phrase.length();
        while (end < text.length() && !(text.charAt(end) == '.' && (end + 1 == text.length() || Character.isWhitespace(text.charAt(end + 1))))) {
            end++;
        }
        end = Math.min(text.length(), end + 1);
        return new Evidence(text.substring(start, end), start, end);
    }

    private String entityId(String type, int index) {
        return letterId.substring(0, 16) + "-" + type + "-" + index;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
