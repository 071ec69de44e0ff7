package nl.kamerstroom.store.api;

import java.time.LocalDate;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.kamerstroom.store.model.Chamber;
import nl.kamerstroom.store.model.LetterCriteria;
import nl.kamerstroom.store.model.LetterSummary;
import nl.kamerstroom.store.model.Page;
import nl.kamerstroom.store.model.StoredLetter;
import nl.kamerstroom.store.persistence.LetterSearch;
import nl.kamerstroom.store.persistence.StoredLetters;

/** Serves what the store holds about letters. Errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/letters")
@Tag(name = "letters")
class LetterController {

    /** A letter id is the lower-case hex SHA-256 of the uploaded document. */
    static final Pattern LETTER_ID = Pattern.compile("[0-9a-f]{64}");

    private final StoredLetters storedLetters;
    private final LetterSearch letterSearch;

    LetterController(StoredLetters storedLetters, LetterSearch letterSearch) {
        this.storedLetters = storedLetters;
        this.letterSearch = letterSearch;
    }

    @GetMapping
    @Operation(summary = "Letters by dossier, chamber, date and the words of their text",
            description = "Newest letter first; with q, best match first. Each letter with its status and how many "
                    + "missions, budgets and moties its latest extraction names.")
    Page<LetterSummary> letters(
            @RequestParam(required = false) String dossier,
            @RequestParam(required = false) Chamber chamber,
            @Parameter(description = "first letter date, YYYY-MM-DD")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last letter date, YYYY-MM-DD")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "words to find in the letter text, in Dutch, web-search syntax: "
                    + "\"a phrase\", or, -without")
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) int size) {
        QueryParameters.dateRange(from, to);
        return letterSearch.find(
                new LetterCriteria(QueryParameters.text(dossier), chamber, from, to, QueryParameters.text(q)),
                QueryParameters.page(page, size));
    }

    /**
     * The letter's metadata, entities and status. 400 when the id is not a letter id; 404 when neither
     * letters.received nor letters.extracted has been seen for it.
     */
    @GetMapping("/{letterId}")
    @Operation(summary = "One letter with its text, source, status and every fact of its latest extraction")
    StoredLetter letter(@PathVariable String letterId) {
        if (!LETTER_ID.matcher(letterId).matches()) {
            throw ProblemHandler.problem(HttpStatus.BAD_REQUEST, "Malformed letter id",
                    "A letter id is the SHA-256 of the document as 64 lower-case hex characters.");
        }
        return storedLetters.find(letterId)
                .orElseThrow(() -> ProblemHandler.problem(HttpStatus.NOT_FOUND, "Letter not found", "No letter with id " + letterId + "."));
    }
}
