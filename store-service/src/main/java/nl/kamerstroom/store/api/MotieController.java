package nl.kamerstroom.store.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.kamerstroom.store.model.MotieCriteria;
import nl.kamerstroom.store.model.MotieMention;
import nl.kamerstroom.store.model.Page;
import nl.kamerstroom.store.persistence.EntitySearch;

/** Moties across letters. */
@RestController
@RequestMapping("/api/moties")
@Tag(name = "moties")
class MotieController {

    private final EntitySearch search;

    MotieController(EntitySearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Moties as the letters refer to them, newest letter first, each with its letter and evidence")
    Page<MotieMention> moties(
            @Parameter(description = "part of a submitter's name, any case")
            @RequestParam(required = false) String submitter,
            @Parameter(description = "a submitter's party, any case; with submitter, the party of that submitter")
            @RequestParam(required = false) String party,
            @Parameter(description = "dossier of the Kamerstuk that holds the motie, e.g. 36410-X")
            @RequestParam(required = false) String dossier,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) int size) {
        return search.moties(new MotieCriteria(QueryParameters.text(submitter), QueryParameters.text(party),
                QueryParameters.text(dossier)), QueryParameters.page(page, size));
    }

    @GetMapping("/{dossier}/{number}")
    @Operation(summary = "Every letter that refers to motie Kamerstuk <dossier> nr. <number>, oldest letter first",
            description = "404 when no letter refers to it.")
    Page<MotieMention> motieHistory(
            @PathVariable String dossier,
            @PathVariable String number,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) int size) {
        Page<MotieMention> history = search.motieHistory(dossier, number, QueryParameters.page(page, size));
        if (history.totalElements() == 0) {
            throw ProblemHandler.problem(HttpStatus.NOT_FOUND, "Motie not found",
                    "No letter refers to motie " + dossier + " nr. " + number + ".");
        }
        return history;
    }
}
