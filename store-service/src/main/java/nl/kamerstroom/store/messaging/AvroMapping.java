package nl.kamerstroom.store.messaging;

import java.util.List;

import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.avro.LetterReceived;
import nl.kamerstroom.store.model.Budget;
import nl.kamerstroom.store.model.EntityIds;
import nl.kamerstroom.store.model.Evidence;
import nl.kamerstroom.store.model.ExtractedLetter;
import nl.kamerstroom.store.model.KamerstukReference;
import nl.kamerstroom.store.model.LetterMetadata;
import nl.kamerstroom.store.model.LetterSource;
import nl.kamerstroom.store.model.Mission;
import nl.kamerstroom.store.model.Motie;
import nl.kamerstroom.store.model.ReceivedLetter;
import nl.kamerstroom.store.model.Sender;
import nl.kamerstroom.store.model.Submitter;

/** Turns the Avro records of the topics into the plain records the rest of the service works with. */
final class AvroMapping {

    private AvroMapping() {
    }

    static ReceivedLetter receivedLetter(LetterReceived avro) {
        var source = avro.getSource();
        return new ReceivedLetter(
                avro.getLetterId(),
                avro.getReceivedAt(),
                new LetterSource(source.getFileName(), source.getContentType(), source.getFormat().name(), source.getSizeBytes()),
                avro.getText());
    }

    static ExtractedLetter extractedLetter(LetterExtracted avro) {
        List<Sender> senders = avro.getSenders().stream()
                .map(sender -> new Sender(sender.getRole(), sender.getName()))
                .toList();
        return new ExtractedLetter(
                avro.getLetterId(),
                avro.getExtractedAt(),
                avro.getExtractorVersion(),
                new LetterMetadata(
                        avro.getDossier(),
                        avro.getDossierTitle(),
                        avro.getDocumentNumber(),
                        avro.getChamber().name(),
                        avro.getSessionYear(),
                        avro.getDate(),
                        senders),
                new EntityIds(avro.getMissionIds(), avro.getBudgetIds(), avro.getMotieIds()));
    }

    static Mission mission(nl.kamerstroom.avro.Mission avro) {
        return new Mission(
                avro.getEntityId(),
                avro.getLetterId(),
                avro.getExtractorVersion(),
                avro.getConfidence(),
                evidence(avro.getEvidence()),
                avro.getName(),
                avro.getAcronym(),
                avro.getOrganisation(),
                avro.getCountry(),
                avro.getPersonnel(),
                avro.getStart(),
                avro.getEnd(),
                avro.getDutchContribution());
    }

    static Budget budget(nl.kamerstroom.avro.Budget avro) {
        return new Budget(
                avro.getEntityId(),
                avro.getLetterId(),
                avro.getExtractorVersion(),
                avro.getConfidence(),
                evidence(avro.getEvidence()),
                avro.getAmountEur(),
                avro.getText(),
                avro.getRecurrence().name(),
                avro.getYear(),
                avro.getPurpose());
    }

    static Motie motie(nl.kamerstroom.avro.Motie avro) {
        List<Submitter> submitters = avro.getSubmitters().stream()
                .map(submitter -> new Submitter(submitter.getName(), submitter.getParty()))
                .toList();
        var reference = avro.getReference();
        return new Motie(
                avro.getEntityId(),
                avro.getLetterId(),
                avro.getExtractorVersion(),
                avro.getConfidence(),
                evidence(avro.getEvidence()),
                submitters,
                reference == null ? null : new KamerstukReference(
                        reference.getDossier(), reference.getNumber(), reference.getChamber().name(), reference.getSessionYear()),
                avro.getText());
    }

    private static Evidence evidence(nl.kamerstroom.avro.Evidence avro) {
        return new Evidence(avro.getQuote(), avro.getStart(), avro.getEnd());
    }
}
