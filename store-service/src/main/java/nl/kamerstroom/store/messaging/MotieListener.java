package nl.kamerstroom.store.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.Motie;
import nl.kamerstroom.store.persistence.EntityRepository;

/**
 * Stores each motie from {@code entities.moties}; a tombstone (null value) for an entity id deletes that motie.
 * <p>
 * Delivery is at-least-once: the offset is committed after the record is stored, so a crash in between delivers it
 * again. Each record is an idempotent upsert or delete by entity id in one database transaction, which makes the
 * effect exactly-once. The motie may arrive before its letter; it is stored all the same.
 */
@Component
class MotieListener {

    private final EntityRepository entities;

    MotieListener(EntityRepository entities) {
        this.entities = entities;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).MOTIES.name()}")
    void onMotie(ConsumerRecord<String, Motie> record) {
        if (record.value() == null) {
            entities.deleteMotie(record.key());
        } else {
            entities.saveMotie(AvroMapping.motie(record.value()));
        }
    }
}
