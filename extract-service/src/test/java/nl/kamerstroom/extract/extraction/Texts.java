package nl.kamerstroom.extract.extraction;

import java.util.List;

/** Test helpers: run the normaliser and segmenter the way {@link LetterExtractor} does. */
final class Texts {

    private Texts() {
    }

    static NormalisedText normalise(String text) {
        return new TextNormaliser().normalise(text);
    }

    static List<Sentence> sentences(NormalisedText text) {
        return new SentenceSegmenter().split(text.body());
    }
}
