package nl.kamerstroom.store.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.kamerstroom.store.model.BudgetCriteria;
import nl.kamerstroom.store.model.BudgetMention;
import nl.kamerstroom.store.model.BudgetTotal;
import nl.kamerstroom.store.model.Page;
import nl.kamerstroom.store.model.PageRequest;
import nl.kamerstroom.store.model.Recurrence;
import nl.kamerstroom.store.persistence.EntitySearch;

/** Budgets across letters, with totals. */
@RestController
@RequestMapping("/api/budgets")
@Tag(name = "budgets")
class BudgetController {

    private final EntitySearch search;

    BudgetController(EntitySearch search) {
        this.search = search;
    }

    /**
     * A page of budgets and the totals of every budget that meets the criteria.
     *
     * @param totals per dossier and year, over all pages
     */
    record BudgetPage(List<BudgetMention> items, int page, int size, long totalElements, int totalPages, List<BudgetTotal> totals) {
    }

    @GetMapping
    @Operation(summary = "Budgets as the letters state them, newest letter first, with totals per dossier and year",
            description = "A budget's year is the year it states, or else the year of its letter; totals and the year "
                    + "filter use that year.")
    BudgetPage budgets(
            @Parameter(description = "smallest amount in whole euros") @RequestParam(required = false) Long min,
            @Parameter(description = "largest amount in whole euros") @RequestParam(required = false) Long max,
            @RequestParam(required = false) Recurrence recurrence,
            @RequestParam(required = false) Integer year,
            @Parameter(description = "dossier of the letter, e.g. 27925 or 36600-VIII")
            @RequestParam(required = false) String dossier,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) int size) {
        QueryParameters.amountRange(min, max);
        PageRequest pageRequest = QueryParameters.page(page, size);
        BudgetCriteria criteria = new BudgetCriteria(min, max, recurrence, year, QueryParameters.text(dossier));
        Page<BudgetMention> budgets = search.budgets(criteria, pageRequest);
        return new BudgetPage(budgets.items(), budgets.page(), budgets.size(), budgets.totalElements(), budgets.totalPages(),
                search.budgetTotals(criteria));
    }
}
