package nl.kamerstroom.store.model;

import java.util.List;

/** The ids of the entities one extraction published for a letter, per entity type, in the extractor's order. */
public record EntityIds(List<String> missionIds, List<String> budgetIds, List<String> motieIds) {

    public EntityIds {
        missionIds = List.copyOf(missionIds);
        budgetIds = List.copyOf(budgetIds);
        motieIds = List.copyOf(motieIds);
    }
}
