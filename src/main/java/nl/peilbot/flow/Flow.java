package nl.peilbot.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A questionnaire as loaded from one file in {@code conversation-flows/}.
 *
 * <p>{@code profile} fields are asked first (only those the invitation did not fill in), then
 * {@code questions} in order; only questions count towards progress ("vraag 5 van 14").
 *
 * @param id        stable survey id, e.g. {@code ai-in-hospitals-2020}
 * @param wave      the survey wave responses belong to, e.g. {@code 2020}
 * @param version   content hash of the flow: responses record it and keep answering with it
 * @param source    the file it was loaded from, for error messages
 * @param languages the languages every text must have, the first being the default
 * @param privacy   what is stored and who sees it, in full, offered folded beside the consent question; null when
 *                  the consent text says it all
 * @param analysis  the unit of analysis, dimensions and counted field ({@link Analysis#NONE} when not declared)
 */
public record Flow(
        String id,
        String wave,
        String version,
        String source,
        List<String> languages,
        LocalizedText title,
        LocalizedText intro,
        LocalizedText consent,
        LocalizedText privacy,
        LocalizedText closing,
        List<Question> profile,
        List<Question> questions,
        Analysis analysis) {

    public static final String DEFAULT_LANGUAGE = "nl";

    public Flow {
        languages = List.copyOf(languages);
        profile = List.copyOf(profile);
        questions = List.copyOf(questions);
        analysis = analysis == null ? Analysis.NONE : analysis;
    }

    /** Profile fields followed by questions, in the order they are asked. */
    public List<Question> steps() {
        List<Question> steps = new ArrayList<>(profile);
        steps.addAll(questions);
        return steps;
    }

    public Optional<Question> step(String id) {
        // Looked up on every turn: no copy of the step list, no stream.
        for (Question field : profile) {
            if (field.id().equals(id)) {
                return Optional.of(field);
            }
        }
        for (Question question : questions) {
            if (question.id().equals(id)) {
                return Optional.of(question);
            }
        }
        return Optional.empty();
    }

    /** The profile fields declared as dimensions, in the order {@code analysis.dimensions} lists them. */
    public List<Question> dimensions() {
        return analysis.dimensions().stream().map(d -> step(d.field())).flatMap(Optional::stream).toList();
    }

    /** The profile field naming the unit of analysis, if the flow declares one. */
    public Optional<Question> unitField() {
        return analysis.unitOfAnalysis().flatMap(unit -> step(unit.field()));
    }

    public boolean isProfileField(String id) {
        for (Question field : profile) {
            if (field.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** 1-based position of a question among {@link #questions()}, or 0 for a profile field. */
    public int questionNumber(String id) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return 0;
    }

    public String defaultLanguage() {
        return languages.isEmpty() ? DEFAULT_LANGUAGE : languages.get(0);
    }
}
