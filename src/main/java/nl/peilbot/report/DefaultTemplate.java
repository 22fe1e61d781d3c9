package nl.peilbot.report;

import java.util.Map;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * The template of a survey that has none of its own ({@code reports/<survey>.md}): the flow's title, the wave's
 * totals, a block for each dimension and then every question's block in the flow's order. So every flow file has
 * a report without anyone writing one; a written template replaces it as a whole.
 */
final class DefaultTemplate {

    private DefaultTemplate() {
    }

    /**
     * @param texts    the frame's texts (report.* messages) in {@code language}
     * @param language the language of the headings and the flow's texts
     */
    static String of(Flow flow, Map<String, String> texts, String language) {
        String title = oneLine(flow.title().in(language));
        StringBuilder markdown = new StringBuilder("---\ntitle: ").append(title).append("\n---\n\n");
        markdown.append("# ").append(title).append("\n\n");
        markdown.append("{{count respondents}} ").append(texts.getOrDefault("respondents", "respondents"));
        flow.analysis().unitOfAnalysis().ifPresent(unit ->
                markdown.append(", {{count units}} ").append(oneLine(unit.plural().in(language))));
        markdown.append("\n\n");
        if (!flow.dimensions().isEmpty()) {
            markdown.append("## ").append(texts.getOrDefault("profile", "profile")).append("\n\n");
            for (Question dimension : flow.dimensions()) {
                markdown.append("{{question ").append(dimension.id()).append("}}\n\n");
            }
        }
        String question = texts.getOrDefault("question", "question");
        for (Question step : flow.questions()) {
            markdown.append("## ").append(question).append(' ').append(flow.questionNumber(step.id())).append("\n\n");
            markdown.append("{{question ").append(step.id()).append("}}\n\n");
        }
        return markdown.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
