package nl.kamerstroom.store.api;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.kamerstroom.store.reextraction.LetterSelection;
import nl.kamerstroom.store.reextraction.ReextractionJobs;
import nl.kamerstroom.store.reextraction.ReextractionProgress;

/** Re-extraction of letters through the current extractor. Needs {@code X-Api-Key}. */
@RestController
@RequestMapping("/api/admin/reextract")
@Tag(name = "admin")
@SecurityRequirement(name = ApiConfiguration.API_KEY_SCHEME)
class ReextractionController {

    private final ReextractionJobs jobs;

    ReextractionController(ReextractionJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    @Operation(summary = "Re-extract all letters, one letter, or the letters of a dossier",
            description = "Republishes the chosen letters on letters.received unchanged, so extract-service reads them "
                    + "again. Answers 202 with the job and its Location; 404 when the store knows no such letter.")
    ResponseEntity<ReextractionProgress> start(
            @Parameter(description = "only this letter") @RequestParam(required = false) String letterId,
            @Parameter(description = "only the letters of this dossier") @RequestParam(required = false) String dossier) {
        String chosenLetter = QueryParameters.text(letterId);
        String chosenDossier = QueryParameters.text(dossier);
        if (chosenLetter != null && chosenDossier != null) {
            throw new InvalidQueryException("letterId", "Give letterId or dossier, not both.");
        }
        if (chosenLetter != null && !LetterController.LETTER_ID.matcher(chosenLetter).matches()) {
            throw new InvalidQueryException("letterId", "A letter id is the SHA-256 of the document as 64 lower-case hex characters.");
        }
        LetterSelection selection = new LetterSelection(chosenLetter, chosenDossier);
        ReextractionProgress progress = jobs.start(selection).orElseThrow(() -> ProblemHandler.problem(HttpStatus.NOT_FOUND,
                "No letters to re-extract", "The store knows no received letter in " + selection + "."));
        return ResponseEntity.accepted().location(URI.create("/api/admin/reextract/" + progress.jobId())).body(progress);
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "How far a re-extraction is",
            description = "Jobs live in memory: they are gone after a restart, and only the instance that started a "
                    + "job knows it.")
    ReextractionProgress progress(@PathVariable UUID jobId) {
        return jobs.progress(jobId).orElseThrow(() -> ProblemHandler.problem(HttpStatus.NOT_FOUND, "No such job",
                "No re-extraction job " + jobId + " on this instance; jobs are kept in memory until a restart."));
    }
}
