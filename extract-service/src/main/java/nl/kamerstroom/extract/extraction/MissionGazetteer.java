package nl.kamerstroom.extract.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Known missions (resource {@code extraction/missions.tsv}) and areas of operation
 * ({@code extraction/countries.tsv}). Read once; immutable afterwards.
 */
final class MissionGazetteer {

    /** A known mission. Fields may be null where the gazetteer does not know them. */
    record Entry(String acronym, String name, String organisation, String country) {
        String key() {
            return acronym != null ? acronym.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
        }
    }

    private final PhraseIndex<Entry> missions = new PhraseIndex<>();
    private final PhraseIndex<String> countries = new PhraseIndex<>();
    private final Map<String, Entry> byKey = new HashMap<>();
    private final Map<String, List<Entry>> byOrganisationAndCountry = new HashMap<>();

    static MissionGazetteer load() {
        MissionGazetteer g = new MissionGazetteer();
        for (String[] row : rows("extraction/countries.tsv")) {
            for (String spelling : row[0].split("\\|")) {
                g.countries.add(spelling, spelling.contains(" "), row[0].split("\\|")[0]);
            }
        }
        for (String[] row : rows("extraction/missions.tsv")) {
            Entry entry = new Entry(blankToNull(row, 0), blankToNull(row, 1), blankToNull(row, 2), blankToNull(row, 3));
            g.byKey.putIfAbsent(entry.key(), entry);
            if (entry.organisation() != null && entry.country() != null) {
                g.byOrganisationAndCountry.computeIfAbsent(entry.organisation() + "|" + entry.country(),
                        k -> new ArrayList<>()).add(entry);
            }
            if (entry.acronym() != null) {
                g.missions.add(entry.acronym(), false, entry);
            }
            if (entry.name() != null) {
                g.missions.add(entry.name(), entry.name().contains(" "), entry);
            }
            String aliases = blankToNull(row, 4);
            if (aliases != null) {
                for (String alias : aliases.split("\\|")) {
                    // "EUAM Iraq" is the EUAM in Irak: an alias naming an area fixes the country
                    String country = g.countryIn(alias);
                    Entry aliasEntry = country != null && entry.country() == null
                            ? new Entry(entry.acronym(), entry.name(), entry.organisation(), country) : entry;
                    g.missions.add(alias, alias.contains(" "), aliasEntry);
                }
            }
        }
        return g;
    }

    List<PhraseIndex.Hit<Entry>> findMissions(String text) {
        return missions.findAll(text);
    }

    List<PhraseIndex.Hit<String>> findCountries(String text) {
        return countries.findAll(text);
    }

    /** Countries in {@code text[from, to)} read as a text of its own; offsets are positions in {@code text}. */
    List<PhraseIndex.Hit<String>> findCountries(char[] text, int from, int to) {
        return countries.findAll(text, from, to);
    }

    /** The country named at {@code start}, or null. */
    PhraseIndex.Hit<String> countryAt(String text, int start) {
        return countries.matchAt(text, start);
    }

    /** The first country named anywhere in {@code text}, or null. */
    String countryIn(String text) {
        List<PhraseIndex.Hit<String>> hits = countries.findAll(text);
        return hits.isEmpty() ? null : hits.get(0).value();
    }

    Entry byKey(String key) {
        return byKey.get(key);
    }

    /** The one known mission of this organisation in this country, or null when there is none or several. */
    Entry uniqueFor(String organisation, String country) {
        List<Entry> entries = byOrganisationAndCountry.get(organisation + "|" + country);
        return entries != null && entries.size() == 1 ? entries.get(0) : null;
    }

    private static String blankToNull(String[] row, int i) {
        return i < row.length && !row[i].isBlank() ? row[i].trim() : null;
    }

    private static List<String[]> rows(String resource) {
        InputStream in = MissionGazetteer.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
