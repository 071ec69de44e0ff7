package nl.kamerstroom.extract.extraction;

import java.util.List;
import java.util.function.Consumer;

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

    /** The steps of {@link #extract}, in the order they run. */
    public enum Stage { NORMALISE, SENTENCES, METADATA, MISSIONS, BUDGETS, MOTIES }

    public Extraction extract(String text) {
        return extract(text, stage -> { });
    }

    /**
     * As {@link #extract(String)}, telling {@code stageEnded} as each stage ends. The extraction benchmark times the
     * stages with it: a sampling profiler attributed more than twice their share to some of them.
     */
    public Extraction extract(String text, Consumer<Stage> stageEnded) {
        if (text == null || text.isBlank()) {
            return new Extraction(new Extraction.LetterMetadata(null, null, null, null, null, null, List.of()),
                    List.of(), List.of(), List.of());
        }
        NormalisedText normalised = normaliser.normalise(text);
        stageEnded.accept(Stage.NORMALISE);
        List<Sentence> sentences = segmenter.split(normalised.body());
        stageEnded.accept(Stage.SENTENCES);
        Extraction.LetterMetadata metadata = metadataReader.read(text);
        stageEnded.accept(Stage.METADATA);
        List<Extraction.Mission> missions = missionRecogniser.recognise(sentences, normalised);
        stageEnded.accept(Stage.MISSIONS);
        List<Extraction.Budget> budgets = budgetRecogniser.recognise(sentences, normalised);
        stageEnded.accept(Stage.BUDGETS);
        List<Extraction.Motie> moties = motieRecogniser.recognise(sentences, normalised);
        stageEnded.accept(Stage.MOTIES);
        return new Extraction(metadata, missions, budgets, moties);
    }
}
