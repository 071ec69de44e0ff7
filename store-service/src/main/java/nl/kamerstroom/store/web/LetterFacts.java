package nl.kamerstroom.store.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import nl.kamerstroom.store.model.Budget;
import nl.kamerstroom.store.model.Mission;
import nl.kamerstroom.store.model.Motie;
import nl.kamerstroom.store.model.StoredLetter;

/** The facts of a stored letter as the page shows them, in the order their evidence stands in the letter. */
final class LetterFacts {

    private LetterFacts() {
    }

    static List<Fact> of(StoredLetter letter) {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < letter.missions().size(); i++) {
            facts.add(mission("mission-" + i, letter.missions().get(i)));
        }
        for (int i = 0; i < letter.budgets().size(); i++) {
            facts.add(budget("budget-" + i, letter.budgets().get(i)));
        }
        for (int i = 0; i < letter.moties().size(); i++) {
            facts.add(motie("motie-" + i, letter.moties().get(i)));
        }
        facts.sort(Comparator.comparingInt(Fact::start).thenComparing(Fact::id));
        return facts;
    }

    private static Fact mission(String id, Mission mission) {
        String title = mission.acronym() == null ? mission.name() : mission.name() + " (" + mission.acronym() + ")";
        List<String> details = new ArrayList<>();
        join(mission.organisation(), mission.country()).ifPresent(details::add);
        if (mission.personnel() != null) {
            details.add(mission.personnel() + " militairen");
        }
        if (mission.start() != null || mission.end() != null) {
            details.add(Formats.date(mission.start()) + " t/m " + Formats.date(mission.end()));
        }
        details.add(mission.dutchContribution() ? "Nederlandse bijdrage" : "alleen genoemd");
        return new Fact(id, FactType.MISSION, title, details, mission.evidence().quote(), mission.evidence().start(),
                mission.evidence().end(), List.of(mission.name(), mission.acronym() == null ? "" : mission.acronym()));
    }

    private static Fact budget(String id, Budget budget) {
        List<String> details = new ArrayList<>();
        String recurrence = Formats.recurrence(budget.recurrence());
        details.add((recurrence.equals("onbekend") ? "structureel of incidenteel: onbekend" : recurrence)
                + (budget.year() == null ? "" : ", " + budget.year()));
        if (budget.purpose() != null) {
            details.add(budget.purpose());
        }
        return new Fact(id, FactType.BUDGET, Formats.euros(budget.amountEur()), details, budget.evidence().quote(),
                budget.evidence().start(), budget.evidence().end(), List.of(budget.text()));
    }

    private static Fact motie(String id, Motie motie) {
        List<String> details = new ArrayList<>();
        if (!motie.submitters().isEmpty()) {
            details.add("ingediend door " + motie.submitters().stream()
                    .map(s -> s.party() == null ? s.name() : s.name() + " (" + s.party() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (motie.reference() != null) {
            details.add("Kamerstuk " + motie.reference().dossier() + ", nr. " + motie.reference().number()
                    + (motie.reference().sessionYear() == null ? "" : " (" + motie.reference().sessionYear() + ")"));
        }
        return new Fact(id, FactType.MOTIE, motie.text(), details, motie.evidence().quote(), motie.evidence().start(),
                motie.evidence().end(), List.of(motie.text()));
    }

    private static java.util.Optional<String> join(String... parts) {
        String joined = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
        return joined.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(joined);
    }
}
