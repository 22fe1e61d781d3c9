package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/** Checks a question's columns in one row of the raw responses export against what the walker answered. */
final class ExportedColumns {

    private ExportedColumns() {
    }

    static void check(Question question, List<String> header, CSVRecord row, QuestionnaireWalker.Expected expected) {
        List<String> columns = header.stream().filter(h -> h.equals(question.id()) || h.startsWith(question.id() + "_")).toList();
        assertThat(columns).as("columns of " + question.id()).isNotEmpty();
        if (expected.skipped()) {
            columns.forEach(column -> assertThat(row.get(column)).as(column + ", skipped").isIn("-1", ""));
            return;
        }
        question.kind().match(new QuestionKind.Cases<Void>() {
            @Override
            public Void singleChoice(QuestionKind.SingleChoice kind) {
                int number = question.options().stream().map(AnswerOption::code).toList().indexOf(expected.codes().get(0)) + 1;
                assertThat(row.get(question.id())).as(question.id() + ": the option's number").isEqualTo(String.valueOf(number));
                return null;
            }

            @Override
            public Void multipleChoice(QuestionKind.MultipleChoice kind) {
                for (AnswerOption option : question.options()) {
                    assertThat(row.get(question.id() + "_" + option.code())).as(question.id() + "_" + option.code())
                            .isEqualTo(expected.codes().contains(option.code()) ? "1" : "0");
                }
                if (expected.otherText() != null) {
                    assertThat(row.get(question.id() + "_otherText")).isEqualTo(expected.otherText());
                }
                return null;
            }

            @Override
            public Void openText(QuestionKind.OpenText kind) {
                assertThat(row.get(question.id())).as(question.id()).isEqualTo(expected.text());
                return null;
            }

            @Override
            public Void openList(QuestionKind.OpenList kind) {
                for (int n = 0; n < expected.entries().size(); n++) {
                    for (Field field : question.fields()) {
                        String column = question.id() + "_" + (n + 1) + "_" + field.id();
                        assertThat(row.get(column)).as(column).isEqualTo(expected.entries().get(n).get(field.id()));
                    }
                }
                return null;
            }

            @Override
            public Void openParts(QuestionKind.OpenParts kind) {
                for (Map.Entry<String, String> part : expected.parts().entrySet()) {
                    assertThat(row.get(question.id() + "_" + part.getKey())).as(question.id() + "_" + part.getKey())
                            .isEqualTo(part.getValue());
                }
                return null;
            }

            @Override
            public Void rating(QuestionKind.Rating kind) {
                return value();
            }

            @Override
            public Void number(QuestionKind.Numeric kind) {
                return value();
            }

            private Void value() {
                assertThat(new BigDecimal(row.get(question.id()))).as(question.id()).isEqualByComparingTo(expected.value());
                return null;
            }
        });
    }
}
