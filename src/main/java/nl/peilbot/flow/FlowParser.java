package nl.peilbot.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Turns the YAML text of a flow file into a {@link Flow}, reporting structural problems
 * (missing or mistyped keys) with the file and question they concern.
 *
 * <p>The version is a hash of the parsed content, so comments and layout do not make a new version.
 */
final class FlowParser {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of(
            "id", "wave", "languages", "title", "intro", "consent", "privacy", "closing", "profile", "questions", "analysis");
    private static final Set<String> ANALYSIS_KEYS = Set.of("unit", "dimensions", "counted");
    private static final Set<String> UNIT_KEYS = Set.of("field", "label", "plural");
    private static final Set<String> DIMENSION_KEYS = Set.of("field", "label");
    private static final Set<String> COUNTED_KEYS = Set.of("field", "label", "categories");
    private static final Set<String> COUNTED_CATEGORY_KEYS = Set.of("code", "label", "synonyms");
    private static final Set<String> QUESTION_KEYS = Set.of(
            "id", "kind", "text", "hint", "optional", "options", "when", "max-items", "fields", "coding",
            "min", "max", "min-label", "max-label", "decimals", "unit");
    private static final Set<String> OPTION_KEYS = Set.of("code", "label", "other", "exclusive");
    private static final Set<String> FIELD_KEYS = Set.of("id", "label");
    private static final Set<String> CONDITION_KEYS = Set.of("question", "any-of");
    private static final Set<String> CODING_KEYS = Set.of("categories");
    private static final Set<String> CATEGORY_KEYS = Set.of("code", "label", "keywords");

    private final String source;
    private final List<FlowProblem> problems = new ArrayList<>();

    private FlowParser(String source) {
        this.source = source;
    }

    /** Parses {@code yamlText}; throws {@link FlowException} listing every structural problem found. */
    static Flow parse(String source, String yamlText) {
        List<FlowProblem> problems = new ArrayList<>();
        Flow flow = parse(source, yamlText, problems);
        if (!problems.isEmpty()) {
            throw new FlowException(problems);
        }
        return flow;
    }

    /**
     * Parses as much as it can, adding structural problems to {@code problems}, so that the validator can
     * report its findings in the same run; throws only when the text is no YAML mapping at all.
     */
    static Flow parse(String source, String yamlText, List<FlowProblem> problems) {
        FlowParser parser = new FlowParser(source);
        Flow flow = parser.parse(yamlText);
        problems.addAll(parser.problems);
        return flow;
    }

    static Object load(String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions unused = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(unused), unused, options, new FlowYamlResolver())
                .load(yamlText);
    }

    private Flow parse(String yamlText) {
        Object tree;
        try {
            tree = load(yamlText);
        } catch (YAMLException e) {
            throw new FlowException(new FlowProblem(source, null, "not valid YAML: " + e.getMessage()));
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw new FlowException(new FlowProblem(source, null, "expected a mapping at the top level"));
        }
        List<String> languages = stringList(root.get("languages"), null, "languages");
        if (languages.isEmpty()) {
            languages = List.of(Flow.DEFAULT_LANGUAGE, "en");
        }
        unknownKeys(root, TOP_LEVEL_KEYS, null);
        return new Flow(
                string(root, "id", null, true),
                string(root, "wave", null, true),
                versionOf(tree),
                source,
                languages,
                text(root, "title", null, true),
                text(root, "intro", null, true),
                text(root, "consent", null, true),
                text(root, "privacy", null, false),
                text(root, "closing", null, true),
                questions(root.get("profile"), "profile"),
                questions(root.get("questions"), "questions"),
                analysis(root.get("analysis")));
    }

    private Analysis analysis(Object node) {
        if (node == null) {
            return Analysis.NONE;
        }
        if (!(node instanceof Map<?, ?> map)) {
            problem("analysis", "'analysis' must be a mapping with 'unit', 'dimensions' and/or 'counted'");
            return Analysis.NONE;
        }
        unknownKeys(map, ANALYSIS_KEYS, "analysis");
        Analysis.Unit unit = null;
        if (map.get("unit") instanceof Map<?, ?> unitMap) {
            unknownKeys(unitMap, UNIT_KEYS, "analysis");
            unit = new Analysis.Unit(string(unitMap, "field", "analysis", true), text(unitMap, "label", "analysis", true),
                    text(unitMap, "plural", "analysis", true));
        } else if (map.get("unit") != null) {
            problem("analysis", "'analysis.unit' must be a mapping with field, label and plural");
        }
        Analysis.CountedField counted = null;
        if (map.get("counted") instanceof Map<?, ?> countedMap) {
            unknownKeys(countedMap, COUNTED_KEYS, "analysis");
            List<Analysis.CountedCategory> categories = new ArrayList<>();
            if (countedMap.get("categories") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> category) {
                        unknownKeys(category, COUNTED_CATEGORY_KEYS, "analysis");
                        categories.add(new Analysis.CountedCategory(string(category, "code", "analysis", true),
                                text(category, "label", "analysis", true),
                                stringList(category.get("synonyms"), "analysis", "analysis.counted synonyms")));
                    } else {
                        problem("analysis", "every category of 'analysis.counted' must be a mapping with code, label and synonyms");
                    }
                }
            } else if (countedMap.get("categories") != null) {
                problem("analysis", "'analysis.counted.categories' must be a list");
            }
            counted = new Analysis.CountedField(string(countedMap, "field", "analysis", true),
                    text(countedMap, "label", "analysis", true), categories);
        } else if (map.get("counted") != null) {
            problem("analysis", "'analysis.counted' must be a mapping with field, label and categories");
        }
        List<Analysis.Dimension> dimensions = new ArrayList<>();
        if (map.get("dimensions") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> dimension) {
                    unknownKeys(dimension, DIMENSION_KEYS, "analysis");
                    dimensions.add(new Analysis.Dimension(string(dimension, "field", "analysis", true),
                            text(dimension, "label", "analysis", true)));
                } else {
                    problem("analysis", "every dimension must be a mapping with field and label");
                }
            }
        } else if (map.get("dimensions") != null) {
            problem("analysis", "'analysis.dimensions' must be a list");
        }
        return new Analysis(unit, dimensions, counted);
    }

    private List<Question> questions(Object node, String section) {
        List<Question> questions = new ArrayList<>();
        if (node == null) {
            return questions;
        }
        if (!(node instanceof List<?> items)) {
            problem(null, "'" + section + "' must be a list");
            return questions;
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                problem(null, "every entry of '" + section + "' must be a mapping");
                continue;
            }
            questions.add(question(map));
        }
        return questions;
    }

    private Question question(Map<?, ?> map) {
        String id = string(map, "id", null, true);
        unknownKeys(map, QUESTION_KEYS, id);
        String kindName = string(map, "kind", id, true);
        QuestionKind kind = kindName == null ? null : kind(kindName, map, id);
        List<AnswerOption> options = new ArrayList<>();
        if (map.get("options") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> option) {
                    unknownKeys(option, OPTION_KEYS, id);
                    options.add(new AnswerOption(
                            string(option, "code", id, true),
                            text(option, "label", id, true),
                            bool(option, "other", id),
                            bool(option, "exclusive", id)));
                } else {
                    problem(id, "every option must be a mapping with code and label");
                }
            }
        } else if (map.get("options") != null) {
            problem(id, "'options' must be a list");
        }
        List<Field> fields = new ArrayList<>();
        if (map.get("fields") instanceof List<?> list) {
            for (Object f : list) {
                if (f instanceof Map<?, ?> field) {
                    unknownKeys(field, FIELD_KEYS, id);
                    fields.add(new Field(string(field, "id", id, true), text(field, "label", id, true)));
                } else {
                    problem(id, "every field must be a mapping with id and label");
                }
            }
        } else if (map.get("fields") != null) {
            problem(id, "'fields' must be a list");
        }
        int maxItems = 0;
        Object max = map.get("max-items");
        if (max instanceof Integer n) {
            maxItems = n;
        } else if (max != null) {
            problem(id, "'max-items' must be a number");
        }
        return new Question(id, kind, text(map, "text", id, true), text(map, "hint", id, false),
                options, fields, maxItems, bool(map, "optional", id), condition(map.get("when"), id),
                coding(map.get("coding"), id));
    }

    /** The kind named {@code name}, with the keys only that kind has; null (and a problem) for an unknown name. */
    private QuestionKind kind(String name, Map<?, ?> map, String id) {
        QuestionKind kind = switch (name) {
            case "single-choice" -> QuestionKind.SINGLE_CHOICE;
            case "multiple-choice" -> QuestionKind.MULTIPLE_CHOICE;
            case "open-text" -> QuestionKind.OPEN_TEXT;
            case "open-list" -> QuestionKind.OPEN_LIST;
            case "open-parts" -> QuestionKind.OPEN_PARTS;
            case "rating" -> new QuestionKind.Rating(integer(map, "min", id, true), integer(map, "max", id, true),
                    text(map, "min-label", id, true), text(map, "max-label", id, true));
            case "number" -> new QuestionKind.Numeric(integer(map, "decimals", id, false),
                    decimal(map, "min", id), decimal(map, "max", id), text(map, "unit", id, false));
            default -> null;
        };
        if (kind == null) {
            problem(id, "unknown kind '" + name + "'");
            return null;
        }
        boolean rating = kind instanceof QuestionKind.Rating;
        boolean number = kind instanceof QuestionKind.Numeric;
        for (String key : List.of("min-label", "max-label")) {
            if (!rating && map.containsKey(key)) {
                problem(id, "has '" + key + "', which is only for rating, not " + name);
            }
        }
        for (String key : List.of("decimals", "unit")) {
            if (!number && map.containsKey(key)) {
                problem(id, "has '" + key + "', which is only for number, not " + name);
            }
        }
        for (String key : List.of("min", "max")) {
            if (!rating && !number && map.containsKey(key)) {
                problem(id, "has '" + key + "', which is only for rating and number, not " + name);
            }
        }
        return kind;
    }

    private int integer(Map<?, ?> map, String key, String id, boolean required) {
        Object value = map.get(key);
        if (value instanceof Integer n) {
            return n;
        }
        if (value != null) {
            problem(id, "'" + key + "' must be a whole number, not '" + value + "'");
        } else if (required) {
            problem(id, "missing '" + key + "'");
        }
        return 0;
    }

    private java.math.BigDecimal decimal(Map<?, ?> map, String key, String id) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof java.math.BigInteger) {
            return new java.math.BigDecimal(String.valueOf(value));
        }
        problem(id, "'" + key + "' must be a number, not '" + value + "'");
        return null;
    }

    private List<CodingCategory> coding(Object node, String id) {
        List<CodingCategory> categories = new ArrayList<>();
        if (node == null) {
            return categories;
        }
        if (!(node instanceof Map<?, ?> map) || !(map.get("categories") instanceof List<?> list)) {
            problem(id, "'coding' must be a mapping with a list of 'categories'");
            return categories;
        }
        unknownKeys(map, CODING_KEYS, id);
        for (Object item : list) {
            if (item instanceof Map<?, ?> category) {
                unknownKeys(category, CATEGORY_KEYS, id);
                categories.add(new CodingCategory(string(category, "code", id, true), text(category, "label", id, true),
                        stringList(category.get("keywords"), id, "coding keywords")));
            } else {
                problem(id, "every coding category must be a mapping with code, label and keywords");
            }
        }
        return categories;
    }

    private Condition condition(Object node, String id) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof Map<?, ?> map)) {
            problem(id, "'when' must be a mapping with 'question' and 'any-of'");
            return null;
        }
        unknownKeys(map, CONDITION_KEYS, id);
        String question = string(map, "question", id, true);
        List<String> anyOf = stringList(map.get("any-of"), id, "when.any-of");
        if (anyOf.isEmpty()) {
            problem(id, "'when' needs at least one code in 'any-of'");
        }
        return new Condition(question, anyOf);
    }

    private LocalizedText text(Map<?, ?> map, String key, String id, boolean required) {
        Object node = map.get(key);
        if (node == null) {
            if (required) {
                problem(id, "missing '" + key + "'");
            }
            return required ? new LocalizedText(Map.of()) : null;
        }
        if (node instanceof String plain) {
            return new LocalizedText(Map.of(Flow.DEFAULT_LANGUAGE, plain));
        }
        if (!(node instanceof Map<?, ?> byLanguage)) {
            problem(id, "'" + key + "' must map languages to texts");
            return new LocalizedText(Map.of());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        byLanguage.forEach((language, text) -> {
            if (text == null) {
                problem(id, "'" + key + "." + language + "' is empty");
            } else {
                texts.put(String.valueOf(language), String.valueOf(text).strip());
            }
        });
        return new LocalizedText(texts);
    }

    private String string(Map<?, ?> map, String key, String id, boolean required) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            if (required) {
                problem(id, "missing '" + key + "'");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(id, "'" + key + "' must be a plain value");
            return null;
        }
        return String.valueOf(value).strip();
    }

    private List<String> stringList(Object node, String id, String what) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            problem(id, "'" + what + "' must be a list");
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

    private boolean bool(Map<?, ?> map, String key, String id) {
        Object value = map.get(key);
        if (value != null && !(value instanceof Boolean)) {
            problem(id, "'" + key + "' must be true or false, not '" + value + "'");
        }
        return Boolean.TRUE.equals(value);
    }

    /** A misspelt key ("max_items", "optinal") would otherwise be ignored without a word. */
    private void unknownKeys(Map<?, ?> map, Set<String> known, String id) {
        map.keySet().stream().map(String::valueOf).filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problem(id, "unknown key '" + k + "'"));
    }

    private void problem(String questionId, String problem) {
        problems.add(new FlowProblem(source, questionId, problem));
    }

    /** First 16 hex digits of the SHA-256 of a canonical rendering of the parsed tree. */
    static String versionOf(Object tree) {
        StringBuilder canonical = new StringBuilder();
        canonicalize(tree, canonical);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonicalize(Object node, StringBuilder out) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            sorted.forEach((k, v) -> {
                out.append('"').append(k.replace("\"", "\\\"")).append("\":");
                canonicalize(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (node instanceof List<?> list) {
            out.append('[');
            list.forEach(v -> {
                canonicalize(v, out);
                out.append(',');
            });
            out.append(']');
        } else if (node instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            out.append(node);
        }
    }
}
