package nl.kamerstroom.store.api;

import java.time.LocalDate;

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

import nl.kamerstroom.store.model.MissionCriteria;
import nl.kamerstroom.store.model.MissionMention;
import nl.kamerstroom.store.model.Page;
import nl.kamerstroom.store.persistence.EntitySearch;

/** Missions across letters. */
@RestController
@RequestMapping("/api/missions")
@Tag(name = "missions")
class MissionController {

    private final EntitySearch search;

    MissionController(EntitySearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Missions as the letters state them, newest letter first, each with its letter and evidence")
    Page<MissionMention> missions(
            @Parameter(description = "part of the name or acronym, any case")
            @RequestParam(required = false) String name,
            @Parameter(description = "NAVO, EU, VN, OVSE …, any case")
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) Boolean dutchContribution,
            @Parameter(description = "a day, YYYY-MM-DD, within the period the letter states")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeOn,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) int size) {
        return search.missions(new MissionCriteria(QueryParameters.text(name), QueryParameters.text(organisation),
                QueryParameters.text(country), dutchContribution, activeOn), QueryParameters.page(page, size));
    }

    @GetMapping("/by-name/{nameOrAcronym}")
    @Operation(summary = "The same mission across letters",
            description = "Every letter that mentions the mission whose name or acronym is this (any case), oldest "
                    + "letter first, with personnel and period as each letter stated them. 404 when no letter does.")
    Page<MissionMention> missionHistory(
            @PathVariable String nameOrAcronym,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) int size) {
        Page<MissionMention> history = search.missionHistory(nameOrAcronym.strip(), QueryParameters.page(page, size));
        if (history.totalElements() == 0) {
            throw ProblemHandler.problem(HttpStatus.NOT_FOUND, "Mission not found",
                    "No letter mentions a mission named or abbreviated '" + nameOrAcronym + "'.");
        }
        return history;
    }
}
