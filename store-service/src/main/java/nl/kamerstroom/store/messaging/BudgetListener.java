package nl.kamerstroom.store.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.store.persistence.EntityRepository;

/**
 * Stores the budgets from {@code entities.budgets}, a poll at a time; a tombstone (null value) for an entity id
 * deletes that budget. The budget may arrive before its letter; it is stored all the same.
 * <p>
 * Delivery is at-least-once: the offsets of a poll are committed after its records are stored, so a crash in between
 * delivers them again. It is effectively-once through idempotent upserts and deletes by entity id: writing a record
 * again leaves the table as it was. One database transaction per batch (poll): all upserts in one multi-row
 * statement, all tombstones in one delete, the last record of each entity id in the batch winning, so the order
 * within a key is kept. A record that cannot be read or stored is dead-lettered alone ({@link Batches}).
 */
@Component
class BudgetListener {

    private final EntityRepository entities;

    BudgetListener(EntityRepository entities) {
        this.entities = entities;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).BUDGETS.name()}", containerFactory = "batchListenerContainerFactory")
    void onBudgets(List<ConsumerRecord<String, Budget>> records) {
        Batches.store(records,
                record -> record.value() == null ? record.key() : record.value().getEntityId(),
                batch -> entities.writeBudgets(
                        batch.stream().filter(record -> record.value() != null).map(record -> AvroMapping.budget(record.value())).toList(),
                        batch.stream().filter(record -> record.value() == null && record.key() != null).map(ConsumerRecord::key).toList()),
                record -> {
                    if (record.value() == null) {
                        entities.deleteBudget(record.key());
                    } else {
                        entities.saveBudget(AvroMapping.budget(record.value()));
                    }
                });
    }
}
