package nl.kamerstroom.store.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.kamerstroom.store.model.Budget;
import nl.kamerstroom.store.model.EntityIds;
import nl.kamerstroom.store.model.LetterMetadata;
import nl.kamerstroom.store.model.LetterStatus;
import nl.kamerstroom.store.model.Mission;
import nl.kamerstroom.store.model.Motie;
import nl.kamerstroom.store.model.StoredLetter;
import nl.kamerstroom.store.persistence.LetterRepository.LetterRow;

/** Reads a letter with its entities and status, as one consistent snapshot while the listeners keep writing. */
@Component
public class StoredLetters {

    private final LetterRepository letters;
    private final EntityRepository entities;
    private final TransactionTemplate snapshot;

    public StoredLetters(LetterRepository letters, EntityRepository entities, PlatformTransactionManager transactionManager) {
        this.letters = letters;
        this.entities = entities;
        this.snapshot = new TransactionTemplate(transactionManager);
        // one snapshot for the letter row and the entity queries, so the status agrees with the entities returned
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The letter, if letters.received or letters.extracted has been seen for it; entities alone do not make it known. */
    public Optional<StoredLetter> find(String letterId) {
        return snapshot.execute(status -> letters.find(letterId).map(this::withEntities));
    }

    private StoredLetter withEntities(LetterRow row) {
        List<Mission> missions = entities.missionsOf(row.letterId());
        List<Budget> budgets = entities.budgetsOf(row.letterId());
        List<Motie> moties = entities.motiesOf(row.letterId());
        EntityIds listed = row.entityIds();
        boolean allListedStored = row.extracted()
                && storedAll(listed.missionIds(), missions, Mission::entityId)
                && storedAll(listed.budgetIds(), budgets, Budget::entityId)
                && storedAll(listed.motieIds(), moties, Motie::entityId);
        LetterStatus status = LetterStatus.of(row.extracted(), row.receivedAt() != null, allListedStored, row.failedSinceExtracted());
        return new StoredLetter(
                row.letterId(),
                status,
                notice(status, row, missions.size() + budgets.size() + moties.size()),
                row.metadata(),
                missions,
                budgets,
                moties,
                row.text(),
                row.source(),
                row.receivedAt(),
                row.extractedAt(),
                row.extractorVersion());
    }

    /**
     * What an operator should know beyond the status: why extraction failed, or that it found nothing, which for a
     * document that was accepted as a letter usually means it is not a Kamerbrief.
     */
    private static String notice(LetterStatus status, LetterRow row, int facts) {
        if (status == LetterStatus.FAILED) {
            return "Extraction failed: " + row.failureReason();
        }
        LetterMetadata metadata = row.metadata();
        boolean nothingFound = status == LetterStatus.STORED && facts == 0 && metadata.dossier() == null
                && metadata.date() == null && metadata.senders().isEmpty();
        return nothingFound ? "Extraction found no dossier, date, signatory, mission, budget or motie: this does not look like a Kamerbrief." : null;
    }

    private static <E> boolean storedAll(Collection<String> listedIds, List<E> stored, Function<E, String> entityId) {
        return new HashSet<>(stored.stream().map(entityId).toList()).containsAll(listedIds);
    }
}
