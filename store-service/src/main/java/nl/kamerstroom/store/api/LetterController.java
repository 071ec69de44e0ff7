package nl.kamerstroom.store.api;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.kamerstroom.store.model.StoredLetter;
import nl.kamerstroom.store.persistence.StoredLetters;

/** Serves what the store holds about a letter. Errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/letters")
class LetterController {

    /** A letter id is the lower-case hex SHA-256 of the uploaded document. */
    private static final Pattern LETTER_ID = Pattern.compile("[0-9a-f]{64}");

    private final StoredLetters storedLetters;

    LetterController(StoredLetters storedLetters) {
        this.storedLetters = storedLetters;
    }

    /**
     * The letter's metadata, entities and status. 400 when the id is not a letter id; 404 when neither
     * letters.received nor letters.extracted has been seen for it.
     */
    @GetMapping("/{letterId}")
    StoredLetter letter(@PathVariable String letterId) {
        if (!LETTER_ID.matcher(letterId).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "Malformed letter id",
                    "A letter id is the SHA-256 of the document as 64 lower-case hex characters.");
        }
        return storedLetters.find(letterId)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Letter not found", "No letter with id " + letterId + "."));
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
