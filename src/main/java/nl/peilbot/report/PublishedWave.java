package nl.peilbot.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;

/**
 * An earlier wave known only by its published figures (docs/report.md, "Published waves"): per choice question the
 * counts of the options that were published, per respondent and/or per unit, with their base. Only what was
 * entered exists: asking for any other figure is an error, never a zero.
 */
final class PublishedWave implements WaveData {

    private final WaveId id;
    private final int respondents;
    private final int units;
    private final Map<String, Question> questions;

    private record Question(String id, String kind, String text, Counts respondents, Counts units) {
    }

    private record Counts(int base, Map<String, Integer> counts, Map<String, String> labels) {
    }

    private PublishedWave(WaveId id, int respondents, int units, Map<String, Question> questions) {
        this.id = id;
        this.respondents = respondents;
        this.units = units;
        this.questions = questions;
    }

    /** Reads a published-figures file; a mistake throws {@link TemplateException} naming the file and the problem. */
    static PublishedWave parse(String name, String yaml) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            Map<?, ?> wave = map(root, name);
            WaveId id = new WaveId(text(wave, "survey", name), text(wave, "wave", name));
            Map<String, Question> questions = new LinkedHashMap<>();
            for (Object item : list(wave.get("questions"), name + ": questions")) {
                Map<?, ?> question = map(item, name + ": a question");
                String questionId = text(question, "id", name);
                String where = name + ": question " + questionId;
                String kind = text(question, "kind", where);
                if (!kind.equals("single-choice") && !kind.equals("multiple-choice")) {
                    throw new TemplateException(where + ": published figures are entered for choice questions only");
                }
                Counts byRespondent = counts(question.get("respondents"), where + ": respondents");
                Counts byUnit = counts(question.get("units"), where + ": units");
                if (byRespondent == null && byUnit == null) {
                    throw new TemplateException(where + ": give 'respondents' or 'units' with base and counts");
                }
                questions.put(questionId, new Question(questionId, kind, String.valueOf(question.get("text")),
                        byRespondent, byUnit));
            }
            return new PublishedWave(id, number(wave.get("respondents"), 0, name + ": respondents"),
                    number(wave.get("units"), 0, name + ": units"), questions);
        } catch (YAMLException e) {
            throw new TemplateException(name + ": not readable as YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    WaveId id() {
        return id;
    }

    @Override
    public String label() {
        return id.wave();
    }

    @Override
    public boolean published() {
        return true;
    }

    @Override
    public Overview overview() {
        List<Overview.QuestionSummary> summaries = new ArrayList<>();
        questions.values().forEach(q -> summaries.add(new Overview.QuestionSummary(q.id(), 0, q.kind(), q.text(),
                q.respondents() == null ? 0 : q.respondents().base(), List.of())));
        return new Overview(id, respondents, units, summaries);
    }

    @Override
    public Distribution distribution(String question, Unit unit) {
        Question published = question(question);
        Counts counts = unit == Unit.UNITS ? published.units() : published.respondents();
        if (counts == null) {
            throw new UnknownResultException("the published figures of " + id.wave() + " give '" + question + "' not per "
                    + (unit == Unit.UNITS ? "unit" : "respondent"));
        }
        List<Distribution.Count> rows = new ArrayList<>();
        counts.counts().forEach((code, count) -> rows.add(new Distribution.Count(code,
                counts.labels().getOrDefault(code, code), count, Value.percent(count, counts.base()).number())));
        return new Distribution(id, question, published.text(), unit, counts.base(), rows, List.of());
    }

    @Override
    public UnitCombinations combinations(String question) {
        throw new UnknownResultException("the published figures of " + id.wave() + " have no combinations of '"
                + question + "'");
    }

    @Override
    public CodedTable coded(String question, String part) {
        throw new UnknownResultException("the published figures of " + id.wave() + " have no coded answers");
    }

    @Override
    public CountedFieldTable counted(String question) {
        throw new UnknownResultException("the published figures of " + id.wave() + " have no open lists");
    }

    private Question question(String question) {
        Question published = questions.get(question);
        if (published == null) {
            throw new UnknownResultException("the published figures of " + id.wave() + " have no question '"
                    + question + "'");
        }
        return published;
    }

    private static Counts counts(Object value, String where) {
        if (value == null) {
            return null;
        }
        Map<?, ?> counts = map(value, where);
        int base = number(counts.get("base"), -1, where + ": base");
        if (base <= 0) {
            throw new TemplateException(where + ": 'base' (a positive whole number) is missing");
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        map(counts.get("counts"), where + ": counts").forEach((code, count) -> {
            int n = number(count, -1, where + ": " + code);
            if (n < 0 || n > base) {
                throw new TemplateException(where + ": the count of '" + code + "' must lie between 0 and the base " + base);
            }
            numbers.put(String.valueOf(code), n);
        });
        Map<String, String> labels = new LinkedHashMap<>();
        if (counts.get("labels") != null) {
            map(counts.get("labels"), where + ": labels").forEach((code, label) -> labels.put(String.valueOf(code),
                    String.valueOf(label)));
        }
        return new Counts(base, numbers, labels);
    }

    private static Map<?, ?> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new TemplateException(where + ": expected a mapping");
        }
        return map;
    }

    private static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw new TemplateException(where + ": expected a list");
        }
        return list;
    }

    private static String text(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new TemplateException(where + ": '" + key + "' is missing");
        }
        return String.valueOf(value);
    }

    private static int number(Object value, int absent, String where) {
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Integer number)) {
            throw new TemplateException(where + ": expected a whole number, not '" + value + "'");
        }
        return number;
    }
}
