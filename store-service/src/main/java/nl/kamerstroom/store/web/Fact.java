package nl.kamerstroom.store.web;

import java.util.List;

/**
 * A fact as the letter page shows it: in the side panel, and highlighted in the text where its evidence is.
 *
 * @param id        unique on the page; links the panel entry to its highlight
 * @param title     what the fact is, in a few words ("NAVO Missie Irak (NMI)", "€ 18.300.000")
 * @param details   further properties, one line each
 * @param quote     the evidence sentence
 * @param start     offset of the evidence in the letter text
 * @param end       offset just past the evidence
 * @param ownWords  the entity's own words, emphasised within the evidence where found ("18,3 miljoen euro"); the
 *                  first that is found counts, so a mission can offer its name and then its acronym
 */
public record Fact(String id, FactType type, String title, List<String> details, String quote, int start, int end, List<String> ownWords) {

    public Fact {
        details = List.copyOf(details);
        ownWords = ownWords.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** For the template: the CSS name of the type. */
    public String typeName() {
        return type.cssName();
    }

    public String typeLabel() {
        return type.label();
    }
}
