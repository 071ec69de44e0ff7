package nl.kamerstroom.store.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.store.persistence.EntityRepository;

/**
 * Stores each budget from {@code entities.budgets}; a tombstone (null value) for an entity id deletes that budget.
 * <p>
 * Delivery is at-least-once: the offset is committed after the record is stored, so a crash in between delivers it
 * again. Each record is an idempotent upsert or delete by entity id in one database transaction, which makes the
 * effect exactly-once. The budget may arrive before its letter; it is stored all the same.
 */
@Component
class BudgetListener {

    private final EntityRepository entities;

    BudgetListener(EntityRepository entities) {
        this.entities = entities;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).BUDGETS.name()}")
    void onBudget(ConsumerRecord<String, Budget> record) {
        if (record.value() == null) {
            entities.deleteBudget(record.key());
        } else {
            entities.saveBudget(AvroMapping.budget(record.value()));
        }
    }
}
