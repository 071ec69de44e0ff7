package nl.kamerstroom.extract.api;

import java.time.LocalDate;
import java.util.List;

import nl.kamerstroom.extract.extraction.EntityIds;
import nl.kamerstroom.extract.extraction.Extraction;
import nl.kamerstroom.extract.extraction.Extraction.Evidence;
import nl.kamerstroom.extract.extraction.Extraction.KamerstukReference;
import nl.kamerstroom.extract.extraction.Extraction.LetterMetadata;
import nl.kamerstroom.extract.extraction.Extraction.Recurrence;
import nl.kamerstroom.extract.extraction.Extraction.Submitter;

/**
 * The JSON answer of {@code POST /api/extract}: the same shape as store-service's {@code GET /api/letters/{id}},
 * field names as in the Avro schemas, so a client reads both the same way.
 */
record ExtractionJson(String letterId, String status, LetterMetadata letter,
                      List<MissionJson> missions, List<BudgetJson> budgets, List<MotieJson> moties) {

    static ExtractionJson of(String letterId, Extraction extraction, String version) {
        return new ExtractionJson(letterId, "EXTRACTED", extraction.letter(),
                extraction.missions().stream().map(m -> new MissionJson(EntityIds.of(letterId, m), letterId, version,
                        m.confidence(), m.evidence(), m.name(), m.acronym(), m.organisation(), m.country(), m.personnel(),
                        m.start(), m.end(), m.dutchContribution())).toList(),
                extraction.budgets().stream().map(b -> new BudgetJson(EntityIds.of(letterId, b), letterId, version,
                        b.confidence(), b.evidence(), b.amountEur(), b.text(), b.recurrence(), b.year(), b.purpose())).toList(),
                extraction.moties().stream().map(m -> new MotieJson(EntityIds.of(letterId, m), letterId, version,
                        m.confidence(), m.evidence(), m.submitters(), m.reference(), m.text())).toList());
    }

    record MissionJson(String entityId, String letterId, String extractorVersion, double confidence, Evidence evidence,
                       String name, String acronym, String organisation, String country, Integer personnel,
                       LocalDate start, LocalDate end, boolean dutchContribution) {
    }

    record BudgetJson(String entityId, String letterId, String extractorVersion, double confidence, Evidence evidence,
                      long amountEur, String text, Recurrence recurrence, Integer year, String purpose) {
    }

    record MotieJson(String entityId, String letterId, String extractorVersion, double confidence, Evidence evidence,
                     List<Submitter> submitters, KamerstukReference reference, String text) {
    }

}
