package nl.kamerstroom.store.model;

/**
 * Which moties to list; a null criterion does not restrict.
 *
 * @param submitter part of a submitter's name, any case
 * @param party     a submitter's party, any case
 * @param dossier   dossier of the Kamerstuk holding the motie ("36410-X")
 */
public record MotieCriteria(String submitter, String party, String dossier) {
}
