package nl.peilbot.results;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.WaveReport;
import nl.peilbot.flow.Analysis;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/**
 * The one figure a reader takes away from each question's tables, in the page's language: the option chosen most
 * (ties together) with its percent, the mean of a rating, the median of a number, the category coded or named most.
 * Empty for a question that has no table on the page (an open-text profile field such as the unit's name).
 */
final class Headlines {

    private final WaveReport report;
    private final Flow flow;
    private final MessageSource messages;
    private final Locale locale;
    private final String language;

    Headlines(WaveReport report, Flow flow, MessageSource messages, Locale locale) {
        this.report = report;
        this.flow = flow;
        this.messages = messages;
        this.locale = locale;
        this.language = locale.getLanguage();
    }

    Optional<String> of(Question question) {
        return Optional.ofNullable(question.kind().match(new Figures(question)));
    }

    /** Each kind's headline; null where the page draws no table. */
    private final class Figures implements QuestionKind.Cases<String> {

        private final Question question;

        Figures(Question question) {
            this.question = question;
        }

        @Override
        public String singleChoice(QuestionKind.SingleChoice kind) {
            return choice();
        }

        @Override
        public String multipleChoice(QuestionKind.MultipleChoice kind) {
            return choice();
        }

        private String choice() {
            Distribution d = report.respondents().get(question.id());
            if (d == null) {
                return null;
            }
            List<Distribution.Count> top = most(d.counts(), Distribution.Count::count);
            if (top.isEmpty()) {
                return text("none");
            }
            String labels = String.join(" / ", top.stream().map(c -> question.option(c.code())
                    .map(o -> o.label().in(language)).orElse(c.label())).toList());
            return text("choice", labels, top.get(0).percent(), top.get(0).count(), d.base());
        }

        @Override
        public String openText(QuestionKind.OpenText kind) {
            CodedTable table = report.coded().get(question.id());
            return table == null ? null : coded(table);
        }

        @Override
        public String openParts(QuestionKind.OpenParts kind) {
            List<String> parts = new ArrayList<>();
            for (Field part : question.fields()) {
                CodedTable table = report.coded().get(question.id() + ":" + part.id());
                if (table != null) {
                    parts.add(text("part", part.label().in(language), coded(table)));
                }
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }

        private String coded(CodedTable table) {
            if (table.answered() == 0) {
                return text("none");
            }
            List<CodedTable.Category> top = most(table.categories(), CodedTable.Category::count);
            if (top.isEmpty()) {
                return text("uncoded", table.answered());
            }
            String labels = String.join(" / ", top.stream().map(c -> question.category(c.code())
                    .map(category -> category.label().in(language)).orElse(c.label())).toList());
            return text("coded", labels, top.get(0).count(), top.get(0).percent(), table.answered());
        }

        @Override
        public String openList(QuestionKind.OpenList kind) {
            CountedFieldTable table = report.counted().get(question.id());
            if (table == null) {
                return null;
            }
            List<CountedFieldTable.Row> top = most(table.rows(), CountedFieldTable.Row::entries);
            if (top.isEmpty()) {
                return text("none");
            }
            List<Analysis.CountedCategory> categories = flow.analysis().countedField()
                    .map(Analysis.CountedField::categories).orElse(List.of());
            String labels = String.join(" / ", top.stream().map(row -> categories.stream()
                    .filter(c -> c.code().equals(row.category())).findFirst()
                    .map(c -> c.label().in(language)).orElse(row.label())).toList());
            return text("counted", labels, top.get(0).entries(), top.get(0).percent(), table.entries());
        }

        @Override
        public String rating(QuestionKind.Rating kind) {
            RatingTable table = report.ratings().get(question.id());
            if (table == null) {
                return null;
            }
            return table.mean() == null ? text("none")
                    : text("rating", decimal(table.mean()), table.min(), table.max(), table.answered());
        }

        @Override
        public String number(QuestionKind.Numeric kind) {
            NumberTable table = report.numbers().get(question.id());
            if (table == null) {
                return null;
            }
            if (table.median() == null) {
                return text("none");
            }
            String unit = kind.unit() == null ? "" : " " + kind.unit().in(language);
            return text("number", decimal(table.median()) + unit, table.answered());
        }
    }

    /** The rows with the highest count, in the table's order; none when every count is 0. */
    private static <T> List<T> most(List<T> rows, Function<T, Integer> count) {
        int highest = rows.stream().map(count).max(Comparator.naturalOrder()).orElse(0);
        return highest == 0 ? List.of() : rows.stream().filter(r -> count.apply(r) == highest).toList();
    }

    private String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage("results.summary.headline." + key, arguments, locale);
    }
}
