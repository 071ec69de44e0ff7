package nl.kamerstroom.store.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Hidden;

import nl.kamerstroom.store.model.BudgetCriteria;
import nl.kamerstroom.store.model.BudgetMention;
import nl.kamerstroom.store.model.BudgetTotal;
import nl.kamerstroom.store.model.Chamber;
import nl.kamerstroom.store.model.LetterCriteria;
import nl.kamerstroom.store.model.LetterSummary;
import nl.kamerstroom.store.model.Page;
import nl.kamerstroom.store.model.PageRequest;
import nl.kamerstroom.store.model.StoredLetter;
import nl.kamerstroom.store.persistence.EntitySearch;
import nl.kamerstroom.store.persistence.LetterSearch;
import nl.kamerstroom.store.persistence.StoredLetters;

/**
 * The page people look at: a searchable list of letters, each letter with its facts highlighted in its text, and
 * each dossier with its letters and budgets over time. Server-rendered with Thymeleaf, which escapes every value
 * from a letter; the small script of the letter view only adds scrolling and emphasis.
 */
@Controller
@Hidden
class PageController {

    private static final int LETTERS_PER_PAGE = 25;
    /** A dossier page lists this many letters and budgets at most; beyond that the API pages through them. */
    private static final int DOSSIER_LIMIT = 100;

    private final LetterSearch letterSearch;
    private final EntitySearch entitySearch;
    private final StoredLetters storedLetters;

    PageController(LetterSearch letterSearch, EntitySearch entitySearch, StoredLetters storedLetters) {
        this.letterSearch = letterSearch;
        this.entitySearch = entitySearch;
        this.storedLetters = storedLetters;
    }

    @GetMapping("/")
    String letters(@RequestParam(required = false) String q,
                   @RequestParam(required = false) String dossier,
                   @RequestParam(required = false) String chamber,
                   @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "0") String page,
                   Model model) {
        // the form is echoed back as typed, so a person can correct what was wrong
        model.addAttribute("q", q).addAttribute("dossier", dossier).addAttribute("chamber", chamber)
                .addAttribute("from", from).addAttribute("to", to);
        List<String> problems = new ArrayList<>();
        LocalDate fromDate = date(from, "Vanaf", problems);
        LocalDate toDate = date(to, "Tot en met", problems);
        Chamber chosenChamber = chamber(chamber, problems);
        int pageNumber = pageNumber(page, problems);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add("'Vanaf' ligt na 'Tot en met'.");
        }
        model.addAttribute("problems", problems);
        if (!problems.isEmpty()) {
            model.addAttribute("rows", List.of()).addAttribute("result", Page.of(List.of(), new PageRequest(0, LETTERS_PER_PAGE), 0));
            return "letters";
        }
        Page<LetterSummary> result = letterSearch.find(
                new LetterCriteria(blankToNull(dossier), chosenChamber, fromDate, toDate, blankToNull(q)),
                new PageRequest(pageNumber, LETTERS_PER_PAGE));
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(LetterRow::of).toList());
        return "letters";
    }

    @GetMapping("/letters/{letterId}")
    String letter(@PathVariable String letterId, Model model) {
        StoredLetter letter = storedLetters.find(letterId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Geen brief met id " + letterId));
        List<Fact> facts = LetterFacts.of(letter);
        HighlightedText text = HighlightedText.of(letter.text(), facts);
        model.addAttribute("letter", letter);
        model.addAttribute("title", letter.letter() == null ? "Brief " + letterId.substring(0, 12) : title(letter));
        model.addAttribute("dossier", letter.letter() == null ? null : letter.letter().dossier());
        model.addAttribute("date", letter.letter() == null ? null : Formats.date(letter.letter().date()));
        model.addAttribute("chamber", letter.letter() == null ? null : LetterRow.chamber(letter.letter().chamber()));
        model.addAttribute("senders", letter.letter() == null ? List.of() : letter.letter().senders());
        model.addAttribute("facts", facts);
        model.addAttribute("segments", text.segments());
        model.addAttribute("located", text.locatedFactIds());
        return "letter";
    }

    @GetMapping("/dossiers/{dossier}")
    String dossier(@PathVariable String dossier, Model model) {
        Page<LetterSummary> letters = letterSearch.find(new LetterCriteria(dossier, null, null, null, null),
                new PageRequest(0, DOSSIER_LIMIT));
        if (letters.totalElements() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Geen brieven in dossier " + dossier);
        }
        BudgetCriteria ofDossier = new BudgetCriteria(null, null, null, null, dossier);
        List<BudgetTotal> totals = entitySearch.budgetTotals(ofDossier);
        Page<BudgetMention> budgets = entitySearch.budgets(ofDossier, new PageRequest(0, DOSSIER_LIMIT));
        model.addAttribute("dossier", dossier);
        model.addAttribute("title", letters.items().stream().map(LetterSummary::dossierTitle)
                .filter(t -> t != null).findFirst().orElse(""));
        model.addAttribute("letters", letters);
        model.addAttribute("rows", letters.items().stream().map(LetterRow::of).toList());
        model.addAttribute("chart", BudgetChart.of(totals));
        model.addAttribute("budgets", budgets.items().stream().map(BudgetRow::of).toList());
        model.addAttribute("budgetCount", budgets.totalElements());
        model.addAttribute("budgetTotal", Formats.euros(totals.stream().mapToLong(BudgetTotal::amountEur).sum()));
        return "dossier";
    }

    /** A budget as a row of the dossier page. */
    public record BudgetRow(String letterId, String date, String amount, String recurrence, String year, String purpose, String quote) {

        static BudgetRow of(BudgetMention mention) {
            var budget = mention.budget();
            return new BudgetRow(mention.letter().letterId(), Formats.date(mention.letter().date()),
                    Formats.euros(budget.amountEur()), Formats.recurrence(budget.recurrence()),
                    mention.effectiveYear() == null ? "–" : mention.effectiveYear().toString(),
                    budget.purpose() == null ? "" : budget.purpose(), budget.evidence().quote());
        }
    }

    private static String title(StoredLetter letter) {
        var metadata = letter.letter();
        String number = metadata.documentNumber() == null ? "" : ", nr. " + metadata.documentNumber();
        String dossier = metadata.dossier() == null ? "" : metadata.dossier() + number;
        String title = metadata.dossierTitle() == null ? "" : metadata.dossierTitle();
        return dossier.isEmpty() ? title : dossier + (title.isEmpty() ? "" : " — " + title);
    }

    private static LocalDate date(String value, String label, List<String> problems) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add("'" + label + "' is geen datum als 2024-11-22.");
            return null;
        }
    }

    private static Chamber chamber(String value, List<String> problems) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Chamber.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add("Onbekende Kamer.");
            return null;
        }
    }

    private static int pageNumber(String value, List<String> problems) {
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 0) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("Ongeldig paginanummer.");
        return 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
