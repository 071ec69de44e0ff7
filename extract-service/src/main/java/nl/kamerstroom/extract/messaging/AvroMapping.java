package nl.kamerstroom.extract.messaging;

import java.time.Instant;
import java.util.List;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.avro.Chamber;
import nl.kamerstroom.avro.Evidence;
import nl.kamerstroom.avro.KamerstukReference;
import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.avro.Motie;
import nl.kamerstroom.avro.Recurrence;
import nl.kamerstroom.avro.Sender;
import nl.kamerstroom.avro.Submitter;
import nl.kamerstroom.extract.extraction.EntityIds;
import nl.kamerstroom.extract.extraction.Extraction;

/** Plain extraction results to the Avro records of the public contract. */
final class AvroMapping {

    private AvroMapping() {
    }

    /** The records one extraction publishes: the letter's metadata and its entities, each with its id. */
    record Published(LetterExtracted letter, List<Mission> missions, List<Budget> budgets, List<Motie> moties) {
    }

    static Published toAvro(String letterId, Extraction extraction, String extractorVersion, Instant extractedAt) {
        List<Mission> missions = extraction.missions().stream().map(m -> mission(letterId, m, extractorVersion)).toList();
        List<Budget> budgets = extraction.budgets().stream().map(b -> budget(letterId, b, extractorVersion)).toList();
        List<Motie> moties = extraction.moties().stream().map(m -> motie(letterId, m, extractorVersion)).toList();
        Extraction.LetterMetadata meta = extraction.letter();
        LetterExtracted letter = LetterExtracted.newBuilder()
                .setLetterId(letterId)
                .setExtractedAt(extractedAt)
                .setExtractorVersion(extractorVersion)
                .setDossier(meta.dossier())
                .setDossierTitle(meta.dossierTitle())
                .setDocumentNumber(meta.documentNumber())
                .setChamber(chamber(meta.chamber()))
                .setSessionYear(meta.sessionYear())
                .setDate(meta.date())
                // builders, not constructors: a value the schema does not allow fails here, as this letter's failure
                .setSenders(meta.senders().stream().map(s -> Sender.newBuilder().setRole(s.role()).setName(s.name()).build()).toList())
                .setMissionIds(missions.stream().map(Mission::getEntityId).toList())
                .setBudgetIds(budgets.stream().map(Budget::getEntityId).toList())
                .setMotieIds(moties.stream().map(Motie::getEntityId).toList())
                .build();
        return new Published(letter, missions, budgets, moties);
    }

    private static Mission mission(String letterId, Extraction.Mission m, String version) {
        return Mission.newBuilder()
                .setEntityId(EntityIds.of(letterId, m)).setLetterId(letterId).setExtractorVersion(version)
                .setConfidence(m.confidence()).setEvidence(evidence(m.evidence()))
                .setName(m.name()).setAcronym(m.acronym()).setOrganisation(m.organisation()).setCountry(m.country())
                .setPersonnel(m.personnel()).setStart(m.start()).setEnd(m.end())
                .setDutchContribution(m.dutchContribution())
                .build();
    }

    private static Budget budget(String letterId, Extraction.Budget b, String version) {
        return Budget.newBuilder()
                .setEntityId(EntityIds.of(letterId, b)).setLetterId(letterId).setExtractorVersion(version)
                .setConfidence(b.confidence()).setEvidence(evidence(b.evidence()))
                .setAmountEur(b.amountEur()).setText(b.text()).setRecurrence(Recurrence.valueOf(b.recurrence().name()))
                .setYear(b.year()).setPurpose(b.purpose())
                .build();
    }

    private static Motie motie(String letterId, Extraction.Motie m, String version) {
        Extraction.KamerstukReference ref = m.reference();
        return Motie.newBuilder()
                .setEntityId(EntityIds.of(letterId, m)).setLetterId(letterId).setExtractorVersion(version)
                .setConfidence(m.confidence()).setEvidence(evidence(m.evidence()))
                .setSubmitters(m.submitters().stream().map(s -> Submitter.newBuilder().setName(s.name()).setParty(s.party()).build()).toList())
                .setReference(ref == null ? null
                        : KamerstukReference.newBuilder().setDossier(ref.dossier()).setNumber(ref.number())
                                .setChamber(chamber(ref.chamber())).setSessionYear(ref.sessionYear()).build())
                .setText(m.text())
                .build();
    }

    private static Evidence evidence(Extraction.Evidence e) {
        return Evidence.newBuilder().setQuote(e.quote()).setStart(e.start()).setEnd(e.end()).build();
    }

    private static Chamber chamber(Extraction.Chamber chamber) {
        return Chamber.valueOf(chamber.name());
    }
}
