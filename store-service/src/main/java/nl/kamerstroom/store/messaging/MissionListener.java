package nl.kamerstroom.store.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.store.persistence.EntityRepository;

/**
 * Stores the missions from {@code entities.missions}, a poll at a time; a tombstone (null value) for an entity id
 * deletes that mission. The mission may arrive before its letter; it is stored all the same.
 * <p>
 * Delivery is at-least-once: the offsets of a poll are committed after its records are stored, so a crash in between
 * delivers them again. It is effectively-once through idempotent upserts and deletes by entity id: writing a record
 * again leaves the table as it was. One database transaction per batch (poll): all upserts in one multi-row
 * statement, all tombstones in one delete, the last record of each entity id in the batch winning, so the order
 * within a key is kept. A record that cannot be read or stored is dead-lettered alone ({@link Batches}).
 */
@Component
class MissionListener {

    private final EntityRepository entities;

    MissionListener(EntityRepository entities) {
        this.entities = entities;
    }

    @KafkaListener(topics = "#{T(nl.kamerstroom.schemas.Topics).MISSIONS.name()}", containerFactory = "batchListenerContainerFactory")
    void onMissions(List<ConsumerRecord<String, Mission>> records) {
        Batches.store(records,
                record -> record.value() == null ? record.key() : record.value().getEntityId(),
                batch -> entities.writeMissions(
                        batch.stream().filter(record -> record.value() != null).map(record -> AvroMapping.mission(record.value())).toList(),
                        batch.stream().filter(record -> record.value() == null && record.key() != null).map(ConsumerRecord::key).toList()),
                record -> {
                    if (record.value() == null) {
                        entities.deleteMission(record.key());
                    } else {
                        entities.saveMission(AvroMapping.mission(record.value()));
                    }
                });
    }
}
