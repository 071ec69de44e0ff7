package nl.kamerstroom.extract.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The prediction JSON shape the scorer (and the REST API) use: dates ISO-8601, enums by name. */
final class PredictionJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PredictionJson() {
    }

    static Map<String, Object> toMap(Extraction e) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("dossier", e.letter().dossier());
        letter.put("dossierTitle", e.letter().dossierTitle());
        letter.put("documentNumber", e.letter().documentNumber());
        letter.put("chamber", e.letter().chamber().name());
        letter.put("sessionYear", e.letter().sessionYear());
        letter.put("date", e.letter().date() == null ? null : e.letter().date().toString());
        List<Object> senders = new ArrayList<>();
        for (Extraction.Sender s : e.letter().senders()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", s.role());
            m.put("name", s.name());
            senders.add(m);
        }
        letter.put("senders", senders);
        root.put("letter", letter);

        List<Object> missions = new ArrayList<>();
        for (Extraction.Mission m : e.missions()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", m.name());
            o.put("acronym", m.acronym());
            o.put("organisation", m.organisation());
            o.put("country", m.country());
            o.put("personnel", m.personnel());
            o.put("start", m.start() == null ? null : m.start().toString());
            o.put("end", m.end() == null ? null : m.end().toString());
            o.put("dutchContribution", m.dutchContribution());
            o.put("confidence", m.confidence());
            o.put("evidence", evidence(m.evidence()));
            missions.add(o);
        }
        root.put("missions", missions);

        List<Object> budgets = new ArrayList<>();
        for (Extraction.Budget b : e.budgets()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("amountEur", b.amountEur());
            o.put("text", b.text());
            o.put("recurrence", b.recurrence().name());
            o.put("year", b.year());
            o.put("purpose", b.purpose());
            o.put("confidence", b.confidence());
            o.put("evidence", evidence(b.evidence()));
            budgets.add(o);
        }
        root.put("budgets", budgets);

        List<Object> moties = new ArrayList<>();
        for (Extraction.Motie mo : e.moties()) {
            Map<String, Object> o = new LinkedHashMap<>();
            List<Object> submitters = new ArrayList<>();
            for (Extraction.Submitter s : mo.submitters()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("name", s.name());
                sm.put("party", s.party());
                submitters.add(sm);
            }
            o.put("submitters", submitters);
            if (mo.reference() == null) {
                o.put("reference", null);
            } else {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("dossier", mo.reference().dossier());
                r.put("number", mo.reference().number());
                r.put("chamber", mo.reference().chamber().name());
                r.put("sessionYear", mo.reference().sessionYear());
                o.put("reference", r);
            }
            o.put("text", mo.text());
            o.put("confidence", mo.confidence());
            o.put("evidence", evidence(mo.evidence()));
            moties.add(o);
        }
        root.put("moties", moties);
        return root;
    }

    static JsonNode toTree(Extraction e) {
        return MAPPER.valueToTree(toMap(e));
    }

    static String toPrettyJson(Extraction e) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toMap(e));
    }

    private static Map<String, Object> evidence(Extraction.Evidence ev) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quote", ev.quote());
        m.put("start", ev.start());
        m.put("end", ev.end());
        return m;
    }
}
