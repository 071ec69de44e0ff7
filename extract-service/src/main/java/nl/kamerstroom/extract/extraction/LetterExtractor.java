package nl.kamerstroom.extract.extraction;

import java.util.List;

/**
 * Reads a Kamerbrief's text and returns its metadata and entities with evidence. Thread-safe; build once, reuse.
 * <p>
 * The text is normalised once (page furniture and footnote markers out, hyphenated words joined, with an offset
 * map back to the text as given), split into sentences, and handed to one recogniser per kind of fact. Every
 * evidence quote is the sentence the fact was read from, exactly as it stands in the given text.
 */
public final class LetterExtractor {

    /** Changes whenever the extraction rules change, so stored facts can be traced to the rules that made them. */
    public static final String VERSION = "1.2.0";

    private final TextNormaliser normaliser = new TextNormaliser();
    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final MetadataReader metadataReader;
    private final MissionRecogniser missionRecogniser;
    private final BudgetRecogniser budgetRecogniser = new BudgetRecogniser();
    private final MotieRecogniser motieRecogniser;

    public LetterExtractor() {
        ReferenceGrammar references = new ReferenceGrammar();
        this.metadataReader = new MetadataReader(references);
        this.missionRecogniser = new MissionRecogniser(MissionGazetteer.load());
        this.motieRecogniser = new MotieRecogniser(references);
    }

    public Extraction extract(String text) {
        if (text == null || text.isBlank()) {
            return new Extraction(new Extraction.LetterMetadata(null, null, null, null, null, null, List.of()),
                    List.of(), List.of(), List.of());
        }
        NormalisedText normalised = normaliser.normalise(text);
        List<Sentence> sentences = segmenter.split(normalised.body());
        return new Extraction(
                metadataReader.read(text),
                missionRecogniser.recognise(sentences, normalised),
                budgetRecogniser.recognise(sentences, normalised),
                motieRecogniser.recognise(sentences, normalised));
    }
}
