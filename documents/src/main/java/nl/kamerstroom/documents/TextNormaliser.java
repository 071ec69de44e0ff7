package nl.kamerstroom.documents;

import java.text.Normalizer;

/**
 * The last step for every format: the text downstream offsets refer to. Only changes that cannot move meaning:
 * a leading byte order mark goes, line endings become {@code \n}, and the text is composed to Unicode NFC
 * (so "e" + combining diaeresis and "ë" are the same letter). Lines are not joined and footnote markers stay, because
 * the extractor works on them and its evidence offsets must point into this exact text.
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    public static String normalise(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String unixLines = withoutBom.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(unixLines, Normalizer.Form.NFC);
    }
}
