package nl.kamerstroom.store.model;

import java.time.LocalDate;

/**
 * Which missions to list; a null criterion does not restrict.
 *
 * @param name         part of the name or acronym, any case
 * @param organisation organisation, any case ("NAVO")
 * @param country      country, any case ("Irak")
 * @param activeOn     a day within the period the letter states (start on or before, end on or after, or no end)
 */
public record MissionCriteria(String name, String organisation, String country, Boolean dutchContribution, LocalDate activeOn) {
}
