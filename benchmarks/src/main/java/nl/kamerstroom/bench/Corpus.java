package nl.kamerstroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import nl.kamerstroom.local.RepoRoot;

/**
 * Realistic letters for the benchmarks: the real Kamerbrieven in the repository ({@code samples/*.txt} and the
 * extractor's held-out letters), and synthetic letters of a chosen size assembled from their paragraphs.
 * <p>
 * A synthetic letter is a real letter's header (up to and including its place-and-date line), then body paragraphs
 * drawn at random from all real letters until the size is reached, then a real letter's closing (signature). The same
 * seed gives the same letters. Sizes are UTF-8 bytes.
 */
public final class Corpus {

    /** Paragraphs of one real letter, split at blank lines. */
    private record Letter(String name, List<String> header, List<String> body, List<String> closing) {
    }

    private final List<Letter> letters;
    private final List<String> realTexts;
    private final List<String> bodyParagraphs;

    private Corpus(List<String> names, List<String> texts) {
        this.realTexts = List.copyOf(texts);
        List<Letter> parsed = new ArrayList<>();
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Letter letter = split(names.get(i), texts.get(i));
            parsed.add(letter);
            pool.addAll(letter.body());
        }
        this.letters = List.copyOf(parsed);
        this.bodyParagraphs = List.copyOf(pool);
    }

    /** The real letters of the repository found from the working directory (or {@code -Dkamerstroom.home}). */
    public static Corpus load() {
        return load(RepoRoot.find());
    }

    public static Corpus load(Path repoRoot) {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(repoRoot.resolve("samples"), repoRoot.resolve("extract-service/src/test/resources/heldout"))) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            try {
                names.add(f.getFileName().toString());
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no letters under " + repoRoot + "/samples");
        }
        return new Corpus(names, texts);
    }

    /** The real letters as they are. */
    public List<String> realLetters() {
        return realTexts;
    }

    /**
     * {@code count} letters: the real ones (cycled) for size {@code "real"}, else synthetic letters of about
     * {@code size} ("2k", "25k", "250k", "100000").
     */
    public List<String> letters(String size, int count, long seed) {
        List<String> out = new ArrayList<>(count);
        if (size.equalsIgnoreCase("real") || size.equalsIgnoreCase("samples")) {
            for (int i = 0; i < count; i++) {
                out.add(realTexts.get(i % realTexts.size()));
            }
            return out;
        }
        int bytes = parseSize(size);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            out.add(synthetic(bytes, random));
        }
        return out;
    }

    /** "2k" → 2048, "25k" → 25600, "250k" → 256000, "1m" → 1048576, plain numbers as bytes. */
    public static int parseSize(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        int factor = 1;
        if (s.endsWith("kb") || s.endsWith("k")) {
            factor = 1024;
            s = s.substring(0, s.length() - (s.endsWith("kb") ? 2 : 1));
        } else if (s.endsWith("mb") || s.endsWith("m")) {
            factor = 1024 * 1024;
            s = s.substring(0, s.length() - (s.endsWith("mb") ? 2 : 1));
        }
        return (int) Math.round(Double.parseDouble(s) * factor);
    }

    /** A unique variant of a letter: a "Kenmerk" line is appended, so its bytes (and so its letterId) differ. */
    public static String unique(String letter, String runId, int sequence) {
        return letter + (letter.endsWith("\n") ? "" : "\n") + "\nKenmerk BENCH-" + runId + "-" + sequence + "\n";
    }

    private String synthetic(int targetBytes, SplittableRandom random) {
        Letter frame = letters.get(random.nextInt(letters.size()));
        StringBuilder text = new StringBuilder(targetBytes + 4096);
        for (String p : frame.header()) {
            text.append(p).append("\n\n");
        }
        String closing = String.join("\n\n", frame.closing());
        int closingBytes = utf8Length(closing);
        int used = utf8Length(text);
        // body paragraphs until the target is reached; the closing is always there, so tiny targets get one paragraph
        do {
            String p = bodyParagraphs.get(random.nextInt(bodyParagraphs.size()));
            int pBytes = utf8Length(p) + 2;
            if (used + pBytes + closingBytes > targetBytes && used > utf8Length(String.join("\n\n", frame.header())) + 4) {
                // trim the last paragraph at a sentence end so the letter lands close to its size
                int room = targetBytes - used - closingBytes - 2;
                String cut = cutAtSentence(p, room);
                if (!cut.isEmpty()) {
                    text.append(cut).append("\n\n");
                }
                break;
            }
            text.append(p).append("\n\n");
            used += pBytes;
        } while (used + closingBytes < targetBytes);
        text.append(closing).append('\n');
        return text.toString();
    }

    private static String cutAtSentence(String paragraph, int maxBytes) {
        if (maxBytes <= 0) {
            return "";
        }
        int best = -1;
        for (int i = 0; i < paragraph.length() && utf8Length(paragraph.substring(0, i)) < maxBytes; i++) {
            char c = paragraph.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && (i + 1 == paragraph.length() || Character.isWhitespace(paragraph.charAt(i + 1)))) {
                best = i + 1;
            }
        }
        return best < 0 ? "" : paragraph.substring(0, best);
    }

    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static Letter split(String name, String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.replace("\r\n", "\n").split("\n[ \t]*\n")) {
            String trimmed = p.strip();
            if (!trimmed.isEmpty()) {
                paragraphs.add(trimmed);
            }
        }
        int headerEnd = 0;
        for (int i = 0; i < Math.min(paragraphs.size(), 12); i++) {
            String p = paragraphs.get(i);
            if (p.contains("Den Haag") || p.contains("Gravenhage") || p.startsWith("Datum") || p.startsWith("Aan de Voorzitter")) {
                headerEnd = i + 1;
            }
        }
        if (headerEnd == 0) {
            headerEnd = Math.min(3, paragraphs.size());
        }
        int closingStart = paragraphs.size();
        for (int i = paragraphs.size() - 1; i >= headerEnd && i >= paragraphs.size() - 6; i--) {
            String p = paragraphs.get(i).toLowerCase(Locale.ROOT);
            if (p.startsWith("de minister") || p.startsWith("de staatssecretaris")) {
                closingStart = i;
            }
        }
        return new Letter(name, paragraphs.subList(0, headerEnd), paragraphs.subList(headerEnd, closingStart),
                paragraphs.subList(closingStart, paragraphs.size()));
    }
}
