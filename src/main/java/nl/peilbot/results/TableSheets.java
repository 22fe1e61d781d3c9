package nl.peilbot.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.aggregation.WaveReport;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/**
 * The report's table of each question as a sheet, from one read of the wave's results ({@link Results#report}), counts beside whole percents and the base (n) in the last row:
 * a choice question per respondent and per unit of analysis (plus units by combination where an option is
 * exclusive, as for the scale question), an open question by coded category (per part), an open list by the
 * counted field, a rating by point (mean, top scores, Net Promoter split), a number by its mean and quartiles.
 * Units and the counted field are headed with the flow's labels in the export's language.
 */
final class TableSheets {

    private final WaveReport report;
    private final WaveId wave;
    private final Flow flow;
    private final UnaryOperator<String> texts;
    private final String units;
    private final String unitsPercent;
    private final String counted;

    /** @param texts the export's header texts by key, in its language */
    TableSheets(Results results, WaveId wave, String language, UnaryOperator<String> texts) {
        this.report = results.report(wave);
        this.wave = wave;
        this.flow = results.flow(wave);
        this.texts = texts;
        String plural = flow.analysis().unitOfAnalysis().map(u -> u.plural().in(language))
                .orElseGet(() -> texts.apply("units"));
        this.units = capitalised(plural);
        this.unitsPercent = "% " + plural;
        this.counted = flow.analysis().countedField().map(c -> c.label().in(language))
                .orElseGet(() -> texts.apply("counted"));
    }

    /** Every question's tables in flow order, the choice profile fields' (the dimensions) before them. */
    List<Sheet> all() {
        List<Sheet> sheets = new ArrayList<>();
        flow.steps().stream().filter(q -> !flow.isProfileField(q.id()) || q.kind().isChoice())
                .forEach(q -> sheets.addAll(of(q.id())));
        return sheets;
    }

    /** The question's tables, its main table first. */
    List<Sheet> of(String questionId) {
        Question question = flow.step(questionId).filter(q -> !flow.isProfileField(q.id()) || q.kind().isChoice())
                .orElseThrow(() ->
                new UnknownResultException("no question '" + questionId + "' in " + wave.survey() + "/" + wave.wave()));
        return question.kind().match(new QuestionKind.Cases<>() {
            @Override
            public List<Sheet> singleChoice(QuestionKind.SingleChoice kind) {
                return choice(question);
            }

            @Override
            public List<Sheet> multipleChoice(QuestionKind.MultipleChoice kind) {
                return choice(question);
            }

            @Override
            public List<Sheet> openText(QuestionKind.OpenText kind) {
                return List.of(coded(question, Collections.singletonList(null)));
            }

            @Override
            public List<Sheet> openList(QuestionKind.OpenList kind) {
                return List.of(counted(question));
            }

            @Override
            public List<Sheet> openParts(QuestionKind.OpenParts kind) {
                return List.of(coded(question, question.fields().stream().map(Field::id).toList()));
            }

            @Override
            public List<Sheet> rating(QuestionKind.Rating kind) {
                return List.of(TableSheets.this.rating(question));
            }

            @Override
            public List<Sheet> number(QuestionKind.Numeric kind) {
                return List.of(TableSheets.this.number(question));
            }
        });
    }

    /** Each point with its count and percent, then the mean, the top scores, the Net Promoter split and the base. */
    private Sheet rating(Question question) {
        RatingTable table = report.ratings().get(question.id());
        List<List<Object>> rows = new ArrayList<>();
        for (RatingTable.Point point : table.points()) {
            String label = point.value() == table.min() ? point.value() + " " + table.minLabel()
                    : point.value() == table.max() ? point.value() + " " + table.maxLabel() : String.valueOf(point.value());
            rows.add(row(point.value(), label, point.count(), point.percent()));
        }
        rows.add(row(null, texts.apply("mean"), table.mean(), null));
        rows.add(row(null, texts.apply("topScores"), table.topScores(), table.topPercent()));
        RatingTable.NetPromoter nps = table.promoters();
        if (nps != null) {
            rows.add(row(null, texts.apply("promoters"), nps.promoters(), nps.promotersPercent()));
            rows.add(row(null, texts.apply("passives"), nps.passives(), nps.passivesPercent()));
            rows.add(row(null, texts.apply("detractors"), nps.detractors(), nps.detractorsPercent()));
            rows.add(row(null, texts.apply("nps"), nps.score(), null));
        }
        rows.add(row(null, texts.apply("base"), table.answered(), null));
        return new Sheet(question.id(), List.of(texts.apply("point"), texts.apply("option"), texts.apply("respondents"),
                texts.apply("respondentsPercent")), rows);
    }

    /** The base, mean, lowest, quartiles and highest, one per row. */
    private Sheet number(Question question) {
        NumberTable table = report.numbers().get(question.id());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(texts.apply("base"), table.answered()));
        rows.add(row(texts.apply("mean"), table.mean()));
        rows.add(row(texts.apply("minimum"), table.min()));
        rows.add(row(texts.apply("lowerQuartile"), table.lowerQuartile()));
        rows.add(row(texts.apply("median"), table.median()));
        rows.add(row(texts.apply("upperQuartile"), table.upperQuartile()));
        rows.add(row(texts.apply("maximum"), table.max()));
        return new Sheet(question.id(), List.of(texts.apply("statistic"),
                table.unit() == null ? texts.apply("value") : texts.apply("value") + " (" + table.unit() + ")"), rows);
    }

    private List<Sheet> choice(Question question) {
        Distribution respondents = report.respondents().get(question.id());
        Distribution byUnit = report.units().get(question.id());
        List<List<Object>> rows = new ArrayList<>();
        for (Distribution.Count count : respondents.counts()) {
            Distribution.Count ofUnits = byUnit.counts().stream().filter(c -> c.code().equals(count.code()))
                    .findFirst().orElse(new Distribution.Count(count.code(), count.label(), 0, 0));
            rows.add(row(count.code(), count.label(), count.count(), count.percent(), ofUnits.count(), ofUnits.percent()));
        }
        rows.add(row(null, texts.apply("base"), respondents.base(), null, byUnit.base(), null));
        List<Sheet> sheets = new ArrayList<>(List.of(new Sheet(question.id(), List.of(texts.apply("code"),
                texts.apply("option"), texts.apply("respondents"), texts.apply("respondentsPercent"),
                units, unitsPercent), rows)));
        UnitCombinations combinations = report.combinations().get(question.id());
        if (combinations != null) {
            List<List<Object>> combos = new ArrayList<>();
            combinations.combinations().forEach(c -> combos.add(row(String.join("+", c.codes()), String.join(" + ", c.labels()),
                    c.units(), c.percent())));
            combos.add(row(null, texts.apply("active"), combinations.active(), null));
            combos.add(row(null, texts.apply("base"), combinations.units(), null));
            sheets.add(new Sheet(question.id() + " " + units, List.of(texts.apply("code"),
                    texts.apply("combination"), units, unitsPercent), combos));
        }
        return sheets;
    }

    private Sheet coded(Question question, List<String> parts) {
        List<List<Object>> rows = new ArrayList<>();
        for (String part : parts) {
            CodedTable table = report.coded().get(part == null ? question.id() : question.id() + ":" + part);
            table.categories().forEach(c -> rows.add(row(part, c.code(), c.label(), c.count(), c.percent())));
            rows.add(row(part, null, texts.apply("uncoded"), table.uncoded().size(), null));
            rows.add(row(part, null, texts.apply("base"), table.answered(), null));
        }
        return new Sheet(question.id(), List.of(texts.apply("part"), texts.apply("code"), texts.apply("category"),
                texts.apply("count"), texts.apply("percent")), rows);
    }

    private Sheet counted(Question question) {
        CountedFieldTable table = report.counted().get(question.id());
        List<List<Object>> rows = new ArrayList<>();
        table.rows().forEach(r -> rows.add(row(r.key(), r.label(), r.entries(), r.percent(), r.units())));
        rows.add(row(null, texts.apply("base"), table.entries(), null, table.units()));
        return new Sheet(question.id(), List.of(texts.apply("code"), counted, texts.apply("entries"),
                texts.apply("percent"), units), rows);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value);
        }
        return row;
    }
}
