package nl.kamerstroom.extract.extraction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

import tools.jackson.databind.JsonNode;

/** A port of /work/shared/eval/score.py's matching, so tests judge the extractor the way the evaluation does. */
final class Scorer {

    record Counts(int tp, int fp, int fn) {
        double f1() {
            double p = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "ten", "ter", "te", "in", "'t");

    private Scorer() {
    }

    static String norm(String s) {
        if (s == null) {
            return null;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = n.replaceAll("[’'`]", "'");
        return n.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    static String alnum(String s) {
        return s == null ? null : norm(s).replaceAll("[^0-9a-z]", "");
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asString();
    }

    static String refKey(JsonNode ref) {
        if (ref == null || ref.isNull() || ref.isMissingNode()) {
            return null;
        }
        if (ref.isObject()) {
            String d = text(ref, "dossier");
            String n = text(ref, "number");
            if (d == null || n == null || d.isEmpty() || n.isEmpty()) {
                return null;
            }
            return alnum(d) + "-" + alnum(n);
        }
        String s = ref.asString().strip().replaceAll(",?\\s*nr\\.?\\s*", "-");
        int dash = s.lastIndexOf('-');
        if (dash < 0) {
            return alnum(s);
        }
        return alnum(s.substring(0, dash)) + "-" + alnum(s.substring(dash + 1));
    }

    static String surname(JsonNode submitter) {
        String s = submitter.isObject() ? text(submitter, "name") : submitter.asString();
        s = norm(s == null ? "" : s).replaceAll("\\(.*?\\)", "");
        String last = "";
        for (String w : s.split("[\\s.]+")) {
            if (!w.isEmpty() && !PARTICLES.contains(w)) {
                last = w;
            }
        }
        return last;
    }

    static Set<String> surnames(JsonNode motie) {
        Set<String> out = new HashSet<>();
        JsonNode subs = motie.get("submitters");
        if (subs != null && subs.isArray()) {
            for (JsonNode s : subs) {
                out.add(surname(s));
            }
        }
        return out;
    }

    static Set<String> missionKeys(JsonNode m) {
        Set<String> keys = new HashSet<>();
        for (String f : List.of("acronym", "name")) {
            String v = norm(text(m, f));
            if (v != null && !v.isEmpty()) {
                keys.add(v);
            }
        }
        return keys;
    }

    /** Greedy one-to-one matching: pairs of (gold index, prediction index). */
    static List<int[]> match(List<JsonNode> gold, List<JsonNode> pred, BiPredicate<JsonNode, JsonNode> same) {
        List<int[]> pairs = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (int g = 0; g < gold.size(); g++) {
            for (int p = 0; p < pred.size(); p++) {
                if (!used.contains(p) && same.test(gold.get(g), pred.get(p))) {
                    pairs.add(new int[]{g, p});
                    used.add(p);
                    break;
                }
            }
        }
        return pairs;
    }

    static List<int[]> matchMissions(List<JsonNode> gold, List<JsonNode> pred) {
        return match(gold, pred, (a, b) -> {
            Set<String> k = new HashSet<>(missionKeys(a));
            k.retainAll(missionKeys(b));
            return !k.isEmpty();
        });
    }

    static List<int[]> matchBudgets(List<JsonNode> gold, List<JsonNode> pred) {
        return match(gold, pred, (a, b) -> a.get("amountEur") != null && b.get("amountEur") != null
                && !a.get("amountEur").isNull() && !b.get("amountEur").isNull()
                && Math.abs(a.get("amountEur").asLong() - b.get("amountEur").asLong()) <= 1);
    }

    static List<int[]> matchMoties(List<JsonNode> gold, List<JsonNode> pred) {
        List<int[]> pairs = match(gold, pred, (g, p) -> refKey(g.get("reference")) != null
                && refKey(g.get("reference")).equals(refKey(p.get("reference"))));
        Set<Integer> goldDone = new HashSet<>();
        Set<Integer> predDone = new HashSet<>();
        pairs.forEach(x -> {
            goldDone.add(x[0]);
            predDone.add(x[1]);
        });
        for (int g = 0; g < gold.size(); g++) {
            if (goldDone.contains(g)) {
                continue;
            }
            Set<String> gs = surnames(gold.get(g));
            for (int p = 0; p < pred.size(); p++) {
                if (!predDone.contains(p) && !gs.isEmpty() && gs.equals(surnames(pred.get(p)))) {
                    pairs.add(new int[]{g, p});
                    predDone.add(p);
                    break;
                }
            }
        }
        return pairs;
    }

    static Counts count(List<JsonNode> gold, List<JsonNode> pred, List<int[]> pairs) {
        Set<Integer> matchedGold = new HashSet<>();
        Set<Integer> matchedPred = new HashSet<>();
        int tp = 0;
        for (int[] pair : pairs) {
            matchedGold.add(pair[0]);
            matchedPred.add(pair[1]);
            if (!isOptional(gold.get(pair[0]))) {
                tp++;
            }
        }
        int fn = 0;
        for (int g = 0; g < gold.size(); g++) {
            if (!matchedGold.contains(g) && !isOptional(gold.get(g))) {
                fn++;
            }
        }
        int fp = pred.size() - matchedPred.size();
        return new Counts(tp, fp, fn);
    }

    static boolean isOptional(JsonNode n) {
        return n.get("optional") != null && n.get("optional").asBoolean();
    }

    static List<JsonNode> list(JsonNode root, String field) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode arr = root == null ? null : root.get(field);
        if (arr != null && arr.isArray()) {
            arr.forEach(out::add);
        }
        return out;
    }

    /** score.py's same_value for metadata and mission fields. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isBoolean() || b.isBoolean()) {
            return a.asBoolean() == b.asBoolean();
        }
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        return norm(a.asString()).equals(norm(b.asString()));
    }
}
