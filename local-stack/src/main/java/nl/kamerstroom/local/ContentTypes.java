package nl.kamerstroom.local;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The media type to declare when uploading a file, guessed from its extension. */
public final class ContentTypes {

    /** Extensions of the files the launcher ingests from {@code samples/}. */
    public static final Set<String> INGESTIBLE = Set.of("txt", "md", "html", "htm", "xml", "pdf");

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "txt", "text/plain; charset=UTF-8",
            "md", "text/markdown; charset=UTF-8",
            "html", "text/html",
            "htm", "text/html",
            "xml", "application/xml",
            "pdf", "application/pdf");

    private ContentTypes() {
    }

    public static String guess(String fileName) {
        return BY_EXTENSION.getOrDefault(extension(fileName), "application/octet-stream");
    }

    public static boolean isIngestible(String fileName) {
        return INGESTIBLE.contains(extension(fileName));
    }

    static String extension(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
