package nl.peilbot.aggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Analysis.CountedCategory;
import nl.peilbot.flow.CodingCategory;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/** Reads the report's tables off a wave's tally, with labels, kinds and order from the wave's flow. */
final class Tables {

    private final WaveId wave;
    private final Flow flow;
    private final Tally tally;
    private final Supplier<TextLists> textSource;
    private final String language;
    private TextLists texts;

    /** @param texts read on the first table that lists texts, at most once */
    Tables(WaveId wave, Flow flow, Tally tally, Supplier<TextLists> texts) {
        this.wave = wave;
        this.flow = flow;
        this.tally = tally;
        this.textSource = texts;
        this.language = flow.defaultLanguage();
    }

    private TextLists texts() {
        if (texts == null) {
            texts = textSource.get();
        }
        return texts;
    }

    Overview overview() {
        List<Overview.QuestionSummary> questions = new ArrayList<>();
        for (Question q : flow.steps()) {
            List<String> parts = q.kind() instanceof QuestionKind.OpenParts ? q.fields().stream().map(Field::id).toList() : List.of();
            questions.add(new Overview.QuestionSummary(q.id(), flow.questionNumber(q.id()), q.kind().yamlName(),
                    q.text().in(language), answered(q), parts));
        }
        int respondents = tally.count(new TallyKey.Respondents());
        return new Overview(wave, respondents, unitsDeclared() ? units().size() : respondents, questions);
    }

    Distribution distribution(String questionId, Unit unit) {
        Question question = choiceQuestion(questionId);
        Map<String, Integer> counts = new LinkedHashMap<>();
        int base;
        if (unit == Unit.RESPONDENTS || !unitsDeclared()) {
            base = tally.count(new TallyKey.Answered(questionId));
            counts.putAll(tally.below(new TallyKey.Answered(questionId)));
        } else {
            List<UnitSet> sets = unitSets(question).stream().filter(s -> !s.codes().isEmpty()).toList();
            base = sets.stream().mapToInt(UnitSet::units).sum();
            sets.forEach(set -> set.codes().forEach(code -> counts.merge(code, set.units(), Integer::sum)));
        }
        List<Distribution.Count> rows = new ArrayList<>();
        for (String code : codes(question, counts.keySet())) {
            int count = counts.getOrDefault(code, 0);
            rows.add(new Distribution.Count(code, label(question, code), count, Percent.of(count, base)));
        }
        List<Distribution.OtherText> others = question.options().stream().noneMatch(AnswerOption::other) ? List.of()
                : texts().list(new TextLists.OtherTexts(questionId)).stream()
                .map(i -> new Distribution.OtherText(i.response(), i.text())).toList();
        return new Distribution(wave, questionId, question.text().in(language), unit, base, rows, others);
    }

    /** The question's answers by code, for comparing waves (see {@link Results#compare}). */
    Distribution comparable(String questionId, Unit unit) {
        Question question = flow.step(questionId)
                .orElseThrow(() -> new UnknownResultException("no question '" + questionId + "' in " + wave.key()));
        if (unit != Unit.RESPONDENTS && !question.kind().isChoice()) {
            throw new UnknownResultException("only choice questions are counted per unit, not " + questionId);
        }
        return question.kind().match(new QuestionKind.Cases<>() {
            @Override
            public Distribution singleChoice(QuestionKind.SingleChoice kind) {
                return distribution(questionId, unit);
            }

            @Override
            public Distribution multipleChoice(QuestionKind.MultipleChoice kind) {
                return distribution(questionId, unit);
            }

            @Override
            public Distribution openText(QuestionKind.OpenText kind) {
                CodedTable table = coded(questionId, null);
                return byCode(question, table.answered(), table.categories().stream()
                        .map(c -> new Distribution.Count(c.code(), c.label(), c.count(), c.percent())).toList());
            }

            @Override
            public Distribution openList(QuestionKind.OpenList kind) {
                CountedFieldTable table = counted(questionId);
                return byCode(question, table.entries(), table.rows().stream()
                        .map(r -> new Distribution.Count(r.key(), r.label(), r.entries(), r.percent())).toList());
            }

            @Override
            public Distribution openParts(QuestionKind.OpenParts kind) {
                List<Distribution.Count> counts = new ArrayList<>();
                int answered = 0;
                for (Field part : question.fields()) {
                    CodedTable table = coded(questionId, part.id());
                    answered = Math.max(answered, table.answered());
                    table.categories().forEach(c -> counts.add(new Distribution.Count(part.id() + ":" + c.code(),
                            part.label().in(language) + ": " + c.label(), c.count(), c.percent())));
                }
                return byCode(question, answered, counts);
            }

            @Override
            public Distribution rating(QuestionKind.Rating kind) {
                RatingTable table = Tables.this.rating(questionId);
                return byCode(question, table.answered(), table.points().stream()
                        .map(p -> new Distribution.Count(String.valueOf(p.value()), String.valueOf(p.value()), p.count(),
                                p.percent())).toList());
            }

            @Override
            public Distribution number(QuestionKind.Numeric kind) {
                throw new UnknownResultException(questionId + " is a number question: compare its number tables");
            }
        });
    }

    private Distribution byCode(Question question, int base, List<Distribution.Count> counts) {
        return new Distribution(wave, question.id(), question.text().in(language), Unit.RESPONDENTS, base, counts, List.of());
    }

    UnitCombinations combinations(String questionId) {
        Question question = choiceQuestion(questionId);
        Map<List<String>, Integer> bySet = new TreeMap<>(Comparator.comparing(Object::toString));
        int answered = 0;
        int active = 0;
        for (UnitSet set : unitSets(question)) {
            if (set.codes().isEmpty()) {
                continue;
            }
            answered += set.units();
            if (set.codes().stream().anyMatch(code -> !exclusive(question, code))) {
                active += set.units();
            }
            bySet.merge(inFlowOrder(question, set.codes()), set.units(), Integer::sum);
        }
        int base = answered;
        List<UnitCombinations.Combination> combinations = bySet.entrySet().stream()
                .map(e -> new UnitCombinations.Combination(e.getKey(),
                        e.getKey().stream().map(code -> label(question, code)).toList(), e.getValue(), Percent.of(e.getValue(), base)))
                .sorted(Comparator.comparing(UnitCombinations.Combination::units).reversed())
                .toList();
        return new UnitCombinations(wave, questionId, answered, active, combinations);
    }

    CodedTable coded(String questionId, String part) {
        Question question = openQuestion(questionId);
        if (question.kind() instanceof QuestionKind.OpenParts && question.fields().stream().noneMatch(f -> f.id().equals(part))) {
            throw new UnknownResultException(questionId + " has no part '" + part + "'");
        }
        String key = Coding.answerKey(questionId, question.kind() instanceof QuestionKind.OpenParts ? part : null);
        int answered = tally.count(new TallyKey.OpenAnswered(key));
        Map<String, Integer> counts = tally.below(new TallyKey.OpenAnswered(key));
        Set<String> codes = new LinkedHashSet<>();
        question.coding().forEach(c -> codes.add(c.code()));
        codes.addAll(counts.keySet());
        List<TextLists.Item> answers = texts().list(new TextLists.OpenAnswers(key));
        List<CodedTable.Category> categories = new ArrayList<>();
        for (String code : codes) {
            int count = counts.getOrDefault(code, 0);
            List<String> texts = answers.stream().filter(i -> i.categories().contains(code)).map(TextLists.Item::text).toList();
            String label = question.category(code).map(c -> c.label().in(language)).orElse(code);
            categories.add(new CodedTable.Category(code, label, count, Percent.of(count, answered), texts));
        }
        List<CodedTable.OpenAnswer> uncoded = answers.stream().filter(i -> i.categories().isEmpty())
                .map(i -> new CodedTable.OpenAnswer(i.response(), i.text(), suggestions(question, i.text()))).toList();
        return new CodedTable(wave, questionId, key.equals(questionId) ? null : part, answered,
                tally.count(new TallyKey.OpenCoded(key)), categories, uncoded);
    }

    CountedFieldTable counted(String questionId) {
        Question question = flow.step(questionId).filter(q -> q.kind() instanceof QuestionKind.OpenList)
                .orElseThrow(() -> new UnknownResultException("no open-list question '" + questionId + "' in " + wave.key()));
        int entries = tally.count(new TallyKey.Entries(question.id()));
        long units = !unitsDeclared() ? tally.count(new TallyKey.Listed(questionId))
                : units().stream().filter(u -> !tally.below(new TallyKey.UnitListed(u, questionId)).isEmpty()).count();
        Map<String, CountedCategory> categories = new LinkedHashMap<>();
        flow.analysis().countedField().ifPresent(counted -> counted.categories()
                .forEach(c -> categories.put(Texts.key(c.label().in(language)), c)));
        List<CountedFieldTable.Row> rows = new ArrayList<>();
        tally.below(new TallyKey.Listed(questionId)).forEach((key, count) -> {
            long ofUnits = !unitsDeclared() ? tally.count(new TallyKey.RespondentCounted(questionId, key))
                    : units().stream().filter(u -> tally.count(new TallyKey.UnitCounted(u, questionId, key)) > 0).count();
            CountedCategory category = categories.get(key);
            rows.add(new CountedFieldTable.Row(key, category == null ? null : category.code(),
                    category == null ? spelling(questionId, key) : category.label().in(language), count,
                    Percent.of(count, entries), (int) ofUnits));
        });
        rows.sort(Comparator.comparing(CountedFieldTable.Row::entries).reversed()
                .thenComparing(CountedFieldTable.Row::key));
        return new CountedFieldTable(wave, questionId, tally.count(new TallyKey.Listed(questionId)), (int) units, entries, rows);
    }

    RatingTable rating(String questionId) {
        Question question = flow.step(questionId).filter(q -> q.kind() instanceof QuestionKind.Rating)
                .orElseThrow(() -> new UnknownResultException("no rating question '" + questionId + "' in " + wave.key()));
        QuestionKind.Rating scale = (QuestionKind.Rating) question.kind();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int point = scale.min(); point <= scale.max(); point++) {
            counts.put(point, 0);
        }
        values(questionId).forEach((value, count) -> counts.merge(value.intValue(), count, Integer::sum));
        int answered = tally.count(new TallyKey.Valued(questionId));
        List<RatingTable.Point> points = new ArrayList<>();
        counts.forEach((point, count) -> points.add(new RatingTable.Point(point, count, Percent.of(count, answered))));
        int top = counts.entrySet().stream().filter(e -> e.getKey() >= scale.max() - 1).mapToInt(Map.Entry::getValue).sum();
        RatingTable.NetPromoter promoters = null;
        if (scale.netPromoter()) {
            int promoting = counts.entrySet().stream().filter(e -> e.getKey() >= 9).mapToInt(Map.Entry::getValue).sum();
            int passive = counts.entrySet().stream().filter(e -> e.getKey() == 7 || e.getKey() == 8).mapToInt(Map.Entry::getValue).sum();
            int detracting = answered - promoting - passive;
            int score = answered == 0 ? 0 : (int) Math.round(100.0 * (promoting - detracting) / answered);
            promoters = new RatingTable.NetPromoter(promoting, passive, detracting, Percent.of(promoting, answered),
                    Percent.of(passive, answered), Percent.of(detracting, answered), score);
        }
        return new RatingTable(wave, questionId, question.text().in(language), scale.min(), scale.max(),
                scale.minLabel().in(language), scale.maxLabel().in(language), answered, mean(values(questionId), 2),
                points, top, Percent.of(top, answered), promoters);
    }

    NumberTable number(String questionId) {
        Question question = flow.step(questionId).filter(q -> q.kind() instanceof QuestionKind.Numeric)
                .orElseThrow(() -> new UnknownResultException("no number question '" + questionId + "' in " + wave.key()));
        QuestionKind.Numeric kind = (QuestionKind.Numeric) question.kind();
        SortedMap<BigDecimal, Integer> values = values(questionId);
        int answered = values.values().stream().mapToInt(Integer::intValue).sum();
        return new NumberTable(wave, questionId, question.text().in(language),
                kind.unit() == null ? null : kind.unit().in(language), answered, mean(values, kind.decimals() + 2),
                values.isEmpty() ? null : values.firstKey(), quantile(values, 1, 4), quantile(values, 1, 2),
                quantile(values, 3, 4), values.isEmpty() ? null : values.lastKey());
    }

    /** The values given to a rating or number question, with how many gave each, lowest first. */
    private SortedMap<BigDecimal, Integer> values(String questionId) {
        SortedMap<BigDecimal, Integer> values = new TreeMap<>();
        tally.below(new TallyKey.Valued(questionId)).forEach((value, count) -> {
            if (count > 0) {
                values.merge(plain(new BigDecimal(Tally.fromFieldSafe(value))), count, Integer::sum);
            }
        });
        return values;
    }

    private static BigDecimal mean(SortedMap<BigDecimal, Integer> values, int scale) {
        int n = values.values().stream().mapToInt(Integer::intValue).sum();
        if (n == 0) {
            return null;
        }
        BigDecimal sum = values.entrySet().stream().map(e -> e.getKey().multiply(BigDecimal.valueOf(e.getValue())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return plain(sum.divide(BigDecimal.valueOf(n), scale, RoundingMode.HALF_UP));
    }

    /**
     * The {@code numerator/denominator} quantile with linear interpolation between the nearest ranks (QUARTILE.INC,
     * R's type 7): position (n - 1) * p of the sorted values, counted from 0.
     */
    private static BigDecimal quantile(SortedMap<BigDecimal, Integer> values, int numerator, int denominator) {
        int n = values.values().stream().mapToInt(Integer::intValue).sum();
        if (n == 0) {
            return null;
        }
        long scaled = (long) (n - 1) * numerator;
        long below = scaled / denominator;
        BigDecimal fraction = BigDecimal.valueOf(scaled % denominator).divide(BigDecimal.valueOf(denominator));
        BigDecimal low = nth(values, below);
        BigDecimal high = fraction.signum() == 0 ? low : nth(values, below + 1);
        return plain(low.add(high.subtract(low).multiply(fraction)));
    }

    /** Without trailing zeros, but never in exponent notation (30000, not 3E+4). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The value at 0-based rank {@code rank} of the sorted values. */
    private static BigDecimal nth(SortedMap<BigDecimal, Integer> values, long rank) {
        long seen = 0;
        for (Map.Entry<BigDecimal, Integer> entry : values.entrySet()) {
            seen += entry.getValue();
            if (rank < seen) {
                return entry.getKey();
            }
        }
        return values.lastKey();
    }

    CrossTab crossTab(String rowQuestion, String columnQuestion) {
        Question row = choiceQuestion(rowQuestion);
        Question column = choiceQuestion(columnQuestion);
        if (row.id().equals(column.id())) {
            throw new UnknownResultException("a cross-tab needs two different questions");
        }
        boolean rowFirst = row.id().compareTo(column.id()) < 0;
        String first = rowFirst ? row.id() : column.id();
        String second = rowFirst ? column.id() : row.id();
        Map<String, Integer> rowTotals = tally.below(rowFirst ? new TallyKey.FirstMargin(first, second) : new TallyKey.SecondMargin(first, second));
        Map<String, Integer> columnTotals = tally.below(rowFirst ? new TallyKey.SecondMargin(first, second) : new TallyKey.FirstMargin(first, second));
        List<String> columnCodes = codes(column, columnTotals.keySet());
        List<CrossTab.Column> columns = columnCodes.stream()
                .map(code -> new CrossTab.Column(code, label(column, code), columnTotals.getOrDefault(code, 0))).toList();
        List<CrossTab.Row> rows = new ArrayList<>();
        for (String rowCode : codes(row, rowTotals.keySet())) {
            int total = rowTotals.getOrDefault(rowCode, 0);
            List<CrossTab.Cell> cells = columnCodes.stream().map(code -> {
                int count = tally.count(rowFirst ? new TallyKey.PairChose(first, second, rowCode, code)
                        : new TallyKey.PairChose(first, second, code, rowCode));
                return new CrossTab.Cell(code, count, Percent.of(count, total));
            }).toList();
            rows.add(new CrossTab.Row(rowCode, label(row, rowCode), total, cells));
        }
        return new CrossTab(wave, row.id(), column.id(), tally.count(new TallyKey.PairAnswered(first, second)), columns, rows);
    }

    // --- units of analysis ---

    private boolean unitsDeclared() {
        return flow.analysis().unitOfAnalysis().isPresent();
    }

    private Set<String> units() {
        return tally.below(new TallyKey.Units()).keySet();
    }

    /**
     * Each unit's options: those any of its respondents chose, except that an exclusive option ("AI is not
     * applied") stands only when none of them chose anything else. Without a declared unit each respondent is one,
     * read from the counted option sets.
     */
    private List<UnitSet> unitSets(Question question) {
        List<UnitSet> sets = new ArrayList<>();
        if (!unitsDeclared()) {
            tally.below(new TallyKey.Combinations(question.id())).forEach((segment, count) ->
                    sets.add(new UnitSet(new LinkedHashSet<>(TallyKey.Combination.codes(segment)), count)));
            return sets;
        }
        for (String unit : units()) {
            Set<String> codes = new LinkedHashSet<>(tally.below(new TallyKey.UnitAnswered(unit, question.id())).keySet());
            if (codes.stream().anyMatch(code -> !exclusive(question, code))) {
                codes.removeIf(code -> exclusive(question, code));
            }
            sets.add(new UnitSet(codes, 1));
        }
        return sets;
    }

    /** The options of {@code units} units that chose exactly these. */
    private record UnitSet(Set<String> codes, int units) {
    }

    // --- flow metadata ---

    private Question choiceQuestion(String questionId) {
        return flow.step(questionId).filter(q -> q.kind().isChoice())
                .orElseThrow(() -> new UnknownResultException("no choice question '" + questionId + "' in " + wave.key()));
    }

    private Question openQuestion(String questionId) {
        return flow.step(questionId).filter(q -> q.kind() instanceof QuestionKind.OpenText || q.kind() instanceof QuestionKind.OpenParts)
                .orElseThrow(() -> new UnknownResultException("no open-text or open-parts question '" + questionId + "' in " + wave.key()));
    }

    private int answered(Question q) {
        return q.kind().match(new QuestionKind.Cases<>() {
            @Override
            public Integer singleChoice(QuestionKind.SingleChoice kind) {
                return tally.count(new TallyKey.Answered(q.id()));
            }

            @Override
            public Integer multipleChoice(QuestionKind.MultipleChoice kind) {
                return tally.count(new TallyKey.Answered(q.id()));
            }

            @Override
            public Integer openText(QuestionKind.OpenText kind) {
                return tally.count(new TallyKey.OpenAnswered(q.id()));
            }

            @Override
            public Integer openList(QuestionKind.OpenList kind) {
                return tally.count(new TallyKey.Listed(q.id()));
            }

            @Override
            public Integer openParts(QuestionKind.OpenParts kind) {
                return q.fields().stream().mapToInt(f -> tally.count(new TallyKey.OpenAnswered(Coding.answerKey(q.id(), f.id())))).max().orElse(0);
            }

            @Override
            public Integer rating(QuestionKind.Rating kind) {
                return tally.count(new TallyKey.Valued(q.id()));
            }

            @Override
            public Integer number(QuestionKind.Numeric kind) {
                return tally.count(new TallyKey.Valued(q.id()));
            }
        });
    }

    /** Every option code of the flow in its order, then codes found that the flow no longer has, sorted. */
    private static List<String> codes(Question question, Set<String> found) {
        List<String> codes = new ArrayList<>();
        question.options().stream().map(AnswerOption::code).forEach(codes::add);
        found.stream().filter(code -> !codes.contains(code)).sorted().forEach(codes::add);
        return codes;
    }

    /** Just the given codes, in the flow's order. */
    private static List<String> inFlowOrder(Question question, Set<String> given) {
        return codes(question, given).stream().filter(given::contains).toList();
    }

    private String label(Question question, String code) {
        return question.option(code).map(o -> o.label().in(language)).orElse(code);
    }

    private static boolean exclusive(Question question, String code) {
        return question.option(code).map(AnswerOption::exclusive).orElse(false);
    }

    private static List<String> suggestions(Question question, String text) {
        return question.coding().stream()
                .filter(c -> c.keywords().stream().anyMatch(keyword -> Texts.mentions(text, keyword)))
                .map(CodingCategory::code).toList();
    }

    /** The spelling respondents used most for a counted key, the first in sort order on a tie. */
    private String spelling(String questionId, String key) {
        Map<String, Integer> spellings = new TreeMap<>();
        tally.below(new TallyKey.Spellings(questionId, key)).forEach((text, count) -> spellings.put(Tally.fromFieldSafe(text), count));
        return spellings.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(key);
    }
}
