package nl.kamerstroom.store.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.store.persistence.EntityRepository;

/**
 * Stores each mission from {@code entities.missions}; a tombstone (null value) for an entity id deletes that mission.
 * <p>
 * Delivery is at-least-once: the offset is committed after the record is stored, so a crash in between delivers it
 * again. Each record is an idempotent upsert or delete by entity id in one database transaction, which makes the
 * effect exactly-once. The mission may arrive before its letter; it is stored all the same.
 */
@Component
class MissionListener {

    private final EntityRepository entities;

    MissionListener(EntityRepository entities) {
        this.entities = entities;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).MISSIONS.name()}")
    void onMission(ConsumerRecord<String, Mission> record) {
        if (record.value() == null) {
            entities.deleteMission(record.key());
        } else {
            entities.saveMission(AvroMapping.mission(record.value()));
        }
    }
}
