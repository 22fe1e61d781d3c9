package nl.peilbot.report;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.report.Expression.Selector;

/** Computes the inline placeholders of a template from a wave's tables. */
final class Figures {

    private final WaveData.Source source;

    Figures(WaveData.Source source) {
        this.source = source;
    }

    /**
     * The figure's value; an unknown question, option, category or wave throws {@link TemplateException}. A value of
     * an open list's counted field that no entry names (yet) counts 0 and is told to {@code warnings}: entries are
     * free text, so a live wave may simply not have it, while a misspelt name should still be seen.
     */
    Value value(Expression.Figure figure, Consumer<String> warnings) {
        WaveData wave = figure.wave() == null ? source.current() : source.wave(figure.wave());
        try {
            return value(wave, figure, warnings);
        } catch (UnknownResultException e) {
            throw new TemplateException(e.getMessage());
        }
    }

    /** "label (count), label (count) en label (count)": the n categories most answers were coded with. */
    String top(Expression.Top top, String and) {
        try {
            List<CodedTable.Category> categories = coded(source.current(), top.question(), top.part()).categories()
                    .stream().filter(c -> c.count() > 0)
                    .sorted(Comparator.comparingInt(CodedTable.Category::count).reversed()).limit(top.n()).toList();
            List<String> items = categories.stream().map(c -> c.label() + " (" + c.count() + ")").toList();
            if (items.size() <= 1) {
                return String.join("", items);
            }
            return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", "))
                    + " " + and + " " + items.get(items.size() - 1);
        } catch (UnknownResultException e) {
            throw new TemplateException(e.getMessage());
        }
    }

    private static Value value(WaveData wave, Expression.Figure figure, Consumer<String> warnings) {
        Unit unit = figure.byUnits() ? Unit.UNITS : Unit.RESPONDENTS;
        boolean percent = figure.percent();
        Selector selector = figure.selector();
        if (selector instanceof Selector.Total) {
            return Value.count(figure.byUnits() ? wave.overview().units() : wave.overview().respondents());
        }
        if (selector instanceof Selector.Options options) {
            Distribution distribution = choice(wave, options.question(), unit);
            int count = options.codes().stream().mapToInt(code -> distribution.count(code).count()).sum();
            return percent ? Value.percent(count, distribution.base()) : Value.count(count);
        }
        if (selector instanceof Selector.Combination combination) {
            Distribution distribution = choice(wave, combination.question(), Unit.UNITS);
            combination.codes().forEach(distribution::count);
            UnitCombinations combinations = wave.combinations(combination.question());
            int count = combinations.unitsWith(combination.codes().toArray(String[]::new));
            return percent ? Value.percent(count, combinations.units()) : Value.count(count);
        }
        if (selector instanceof Selector.Active active) {
            choice(wave, active.question(), Unit.UNITS);
            UnitCombinations combinations = wave.combinations(active.question());
            return percent ? Value.percent(combinations.active(), combinations.units())
                    : Value.count(combinations.active());
        }
        if (selector instanceof Selector.Answered answered) {
            return answered(wave, answered.question(), figure.byUnits(), percent);
        }
        if (selector instanceof Selector.Category category) {
            CodedTable table = coded(wave, category.question(), category.part());
            int count = table.category(category.code()).count();
            return percent ? Value.percent(count, table.answered()) : Value.count(count);
        }
        if (selector instanceof Selector.Entries entries) {
            return Value.count(list(wave, entries.question()).entries());
        }
        Selector.Counted counted = (Selector.Counted) selector;
        CountedFieldTable table = list(wave, counted.question());
        CountedFieldTable.Row one = named(table, counted.name());
        if (one == null) {
            warnings.accept("no entry of " + counted.question() + " names '" + counted.name() + "' (yet): counted as 0");
            return percent && !figure.byUnits() ? Value.percent(0, table.entries())
                    : percent ? Value.percent(0, wave.overview().units()) : Value.count(0);
        }
        if (figure.byUnits()) {
            return percent ? Value.percent(one.units(), wave.overview().units()) : Value.count(one.units());
        }
        return percent ? Value.percent(one.entries(), table.entries()) : Value.count(one.entries());
    }

    private static CountedFieldTable.Row named(CountedFieldTable table, String name) {
        try {
            return table.row(name);
        } catch (UnknownResultException e) {
            return null;
        }
    }

    private static CountedFieldTable list(WaveData wave, String question) {
        String kind = kind(wave, question);
        if (!kind.equals("open-list")) {
            throw new TemplateException("'" + question + "' is a " + kind + " question, it has no entries");
        }
        return wave.counted(question);
    }

    private static Value answered(WaveData wave, String question, boolean byUnits, boolean percent) {
        String kind = kind(wave, question);
        int answered;
        if (kind.endsWith("choice")) {
            answered = wave.distribution(question, byUnits ? Unit.UNITS : Unit.RESPONDENTS).base();
        } else if (kind.equals("open-list")) {
            CountedFieldTable table = wave.counted(question);
            answered = byUnits ? table.units() : table.respondents();
        } else if (byUnits) {
            throw new TemplateException("'answered " + question + " by units' is not counted for " + kind + " questions");
        } else {
            answered = wave.overview().questions().stream().filter(q -> q.id().equals(question)).findFirst()
                    .orElseThrow().answered();
        }
        int total = byUnits ? wave.overview().units() : wave.overview().respondents();
        return percent ? Value.percent(answered, total) : Value.count(answered);
    }

    static String kind(WaveData wave, String question) {
        return wave.overview().questions().stream().filter(q -> q.id().equals(question)).findFirst()
                .orElseThrow(() -> new TemplateException("no question '" + question + "'")).kind();
    }

    private static Distribution choice(WaveData wave, String question, Unit unit) {
        String kind = kind(wave, question);
        if (!kind.endsWith("choice")) {
            throw new TemplateException("'" + question + "' is a " + kind + " question, it has no options");
        }
        return wave.distribution(question, unit);
    }

    static CodedTable coded(WaveData wave, String question, String part) {
        String kind = kind(wave, question);
        if (kind.equals("open-parts") && part == null) {
            throw new TemplateException("'" + question + "' has parts: name one, e.g. " + question + ":"
                    + String.join(":", wave.overview().questions().stream().filter(q -> q.id().equals(question))
                    .findFirst().orElseThrow().parts().stream().limit(1).toList()));
        }
        if (!kind.equals("open-text") && !kind.equals("open-parts")) {
            throw new TemplateException("'" + question + "' is a " + kind + " question, it has no categories");
        }
        return wave.coded(question, kind.equals("open-parts") ? part : null);
    }
}
