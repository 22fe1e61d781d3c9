package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/** Checks that a stored response document holds exactly what a {@link QuestionnaireWalker} answered. */
final class StoredAnswers {

    private StoredAnswers() {
    }

    static void check(Flow flow, Document response, QuestionnaireWalker walker) {
        assertThat(response.getString("status")).isEqualTo("completed");
        Document answers = response.get("answers", Document.class);
        assertThat(answers.keySet()).as("the stored answers of %s", flow.id())
                .containsExactlyInAnyOrderElementsOf(walker.expected().keySet());
        walker.expected().forEach((id, expected) -> {
            Document answer = answers.get(id, Document.class);
            if (expected.skipped()) {
                assertThat(answer.getBoolean("skipped", false)).as(id + " skipped: " + answer.toJson()).isTrue();
                return;
            }
            Question question = flow.step(id).orElseThrow();
            question.kind().match(new Holds(id, answer, expected));
        });
    }

    private record Holds(String id, Document answer, QuestionnaireWalker.Expected expected)
            implements QuestionKind.Cases<Void> {

        @Override
        public Void singleChoice(QuestionKind.SingleChoice kind) {
            return choices();
        }

        @Override
        public Void multipleChoice(QuestionKind.MultipleChoice kind) {
            return choices();
        }

        private Void choices() {
            assertThat(answer.getList("choices", Document.class).stream().map(c -> c.getString("code")).toList())
                    .as(id).containsExactlyInAnyOrderElementsOf(expected.codes());
            assertThat(answer.getString("otherText")).as(id + " other text").isEqualTo(expected.otherText());
            return null;
        }

        @Override
        public Void openText(QuestionKind.OpenText kind) {
            assertThat(answer.getString("text")).as(id).isEqualTo(expected.text());
            return null;
        }

        @Override
        public Void openList(QuestionKind.OpenList kind) {
            List<Map<String, String>> entries = answer.getList("entries", Document.class).stream()
                    .map(StoredAnswers::texts).toList();
            assertThat(entries).as(id).isEqualTo(expected.entries());
            return null;
        }

        @Override
        public Void openParts(QuestionKind.OpenParts kind) {
            assertThat(texts(answer.get("parts", Document.class))).as(id).isEqualTo(expected.parts());
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
            assertThat(new BigDecimal(String.valueOf(answer.get("value")))).as(id).isEqualByComparingTo(expected.value());
            return null;
        }
    }

    private static Map<String, String> texts(Document document) {
        Map<String, String> texts = new LinkedHashMap<>();
        document.forEach((key, value) -> texts.put(key, String.valueOf(value)));
        return texts;
    }
}
