package nl.kamerstroom.store.model;

import java.time.LocalDate;

/**
 * Which letters to list; a null criterion does not restrict.
 *
 * @param from  first letter date to include
 * @param to    last letter date to include
 * @param words a web-search style query over the letter text ("quoted phrase", or, -excluded), in Dutch
 */
public record LetterCriteria(String dossier, Chamber chamber, LocalDate from, LocalDate to, String words) {
}
