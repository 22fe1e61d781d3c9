package nl.peilbot.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import nl.peilbot.flow.QuestionKind;
import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;

/**
 * A small wave for the pure tests: 20 respondents in 10 units; a single choice {@code colour}, a multiple choice
 * {@code scale} with an exclusive {@code none}, an open question {@code worries} with categories, an open list
 * {@code trials}, a 1–5 rating {@code maturity}, a 0–10 rating {@code recommend}, a number {@code staff} and one nobody answered, {@code visits}.
 */
final class FakeWave implements WaveData {

    static final WaveId ID = new WaveId("fake-survey", "2021");

    private final String label;
    private final boolean published;
    private final int pilots;

    FakeWave(String label, boolean published, int pilots) {
        this.label = label;
        this.published = published;
        this.pilots = pilots;
    }

    static WaveData.Source source() {
        WaveData current = new FakeWave("2021", false, 6);
        WaveData earlier = new FakeWave("2020", true, 3);
        return new WaveData.Source() {
            @Override
            public WaveData current() {
                return current;
            }

            @Override
            public WaveData wave(String reference) {
                if (!reference.equals("fake-survey/2020")) {
                    throw new TemplateException("no wave '" + reference + "'");
                }
                return earlier;
            }
        };
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean published() {
        return published;
    }

    @Override
    public QuestionKind kind(String question) {
        return switch (question) {
            case "colour" -> new QuestionKind.SingleChoice();
            case "scale" -> new QuestionKind.MultipleChoice();
            case "worries" -> new QuestionKind.OpenText();
            case "trials" -> new QuestionKind.OpenList();
            case "maturity" -> new QuestionKind.Rating(1, 5, null, null);
            case "recommend" -> new QuestionKind.Rating(0, 10, null, null);
            case "staff", "visits" -> new QuestionKind.Numeric(0, null, null, null);
            default -> throw new TemplateException("no question '" + question + "'");
        };
    }

    @Override
    public Overview overview() {
        return new Overview(ID, 20, 10, List.of(
                new Overview.QuestionSummary("colour", 1, "single-choice", "Which colour?", 20, List.of()),
                new Overview.QuestionSummary("scale", 2, "multiple-choice", "At what scale (10% or more)?", 20, List.of()),
                new Overview.QuestionSummary("worries", 3, "open-text", "What worries you?", 16, List.of()),
                new Overview.QuestionSummary("trials", 4, "open-list", "Which trials?", 8, List.of()),
                new Overview.QuestionSummary("maturity", 5, "rating", "How mature?", 10, List.of()),
                new Overview.QuestionSummary("recommend", 6, "rating", "Would you recommend it?", 10, List.of()),
                new Overview.QuestionSummary("staff", 7, "number", "How many staff?", 10, List.of()),
                new Overview.QuestionSummary("visits", 8, "number", "How many visits?", 0, List.of())));
    }

    @Override
    public Distribution distribution(String question, Unit unit) {
        boolean units = unit == Unit.UNITS;
        return switch (question) {
            case "colour" -> new Distribution(ID, "colour", "Which colour?", unit, units ? 10 : 20, List.of(
                    new Distribution.Count("red", "Red", units ? 7 : 13, units ? 70 : 65),
                    new Distribution.Count("blue", "Blue", units ? 4 : 7, units ? 40 : 35)), List.of());
            case "scale" -> new Distribution(ID, "scale", "At what scale?", unit, units ? 10 : 20, List.of(
                    new Distribution.Count("pilot", "Pilot", units ? pilots : 9, units ? pilots * 10 : 45),
                    new Distribution.Count("live", "Live", units ? 3 : 5, units ? 30 : 25),
                    new Distribution.Count("none", "None", units ? 2 : 8, units ? 20 : 40)), List.of());
            default -> throw new UnknownResultException("no choice question '" + question + "' in fake");
        };
    }

    @Override
    public UnitCombinations combinations(String question) {
        return new UnitCombinations(ID, question, 10, 8, List.of(
                new UnitCombinations.Combination(List.of("pilot"), List.of("Pilot"), pilots - 1, (pilots - 1) * 10),
                new UnitCombinations.Combination(List.of("pilot", "live"), List.of("Pilot", "Live"), 1, 10),
                new UnitCombinations.Combination(List.of("live"), List.of("Live"), 2, 20),
                new UnitCombinations.Combination(List.of("none"), List.of("None"), 2, 20)));
    }

    @Override
    public CodedTable coded(String question, String part) {
        if (!question.equals("worries")) {
            throw new UnknownResultException("no open question '" + question + "'");
        }
        return new CodedTable(ID, question, part, 16, 16, List.of(
                new CodedTable.Category("cost", "Cost", 5, 31, List.of()),
                new CodedTable.Category("trust", "Trust", 9, 56, List.of()),
                new CodedTable.Category("law", "Law", 2, 13, List.of())), List.of());
    }

    @Override
    public CountedFieldTable counted(String question) {
        return new CountedFieldTable(ID, question, 8, 6, 12, List.of(
                new CountedFieldTable.Row("radiologie", null, "Radiologie", 5, 42, 4),
                new CountedFieldTable.Row("intensive care", null, "Intensive care", 3, 25, 3)));
    }

    /** Points 1–5 given 1, 2, 3, 3 and 1 times: mean 3.1, top scores (4–5) 4 of 10. */
    @Override
    public RatingTable rating(String question) {
        return switch (question) {
            case "maturity" -> new RatingTable(ID, question, "How mature?", 1, 5, "Infant", "Adult", 10,
                    new BigDecimal("3.10"), List.of(point(1, 1), point(2, 2), point(3, 3), point(4, 3), point(5, 1)), 4, 40,
                    null);
            case "recommend" -> new RatingTable(ID, question, "Would you recommend it?", 0, 10, "Never", "Surely", 10,
                    new BigDecimal("6.50"), List.of(point(0, 1), point(1, 0), point(2, 0), point(3, 1), point(4, 0),
                    point(5, 1), point(6, 0), point(7, 2), point(8, 2), point(9, 2), point(10, 1)), 3, 30,
                    new RatingTable.NetPromoter(3, 4, 3, 30, 40, 30, 0));
            default -> throw new UnknownResultException("no rating question '" + question + "'");
        };
    }

    private static RatingTable.Point point(int value, int count) {
        return new RatingTable.Point(value, count, count * 10);
    }

    @Override
    public NumberTable number(String question) {
        if (question.equals("visits")) {
            return new NumberTable(ID, question, "How many visits?", null, 0, null, null, null, null, null, null);
        }
        if (!question.equals("staff")) {
            throw new UnknownResultException("no number question '" + question + "'");
        }
        return new NumberTable(ID, question, "How many staff?", "FTE", 10, new BigDecimal("12.350"), new BigDecimal("2"),
                new BigDecimal("5.5"), new BigDecimal("10"), new BigDecimal("16.25"), new BigDecimal("40"));
    }

    static Map<String, String> texts() {
        return Map.of("and", "en", "answer", "Antwoord", "count", "Aantal", "respondents", "respondenten",
                "published", "Published figures only", "publishedShort", "published figures", "decimalSeparator", ",",
                "mean", "gemiddelde", "median", "mediaan");
    }
}
