package nl.peilbot.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.aggregation.WaveReport;
import nl.peilbot.console.ResponseRates;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/** Builds the results page's summary of a wave from one read of its results. */
@Component
class Summaries {

    private final Results results;
    private final ResponseRates rates;
    private final MessageSource messages;

    Summaries(Results results, ResponseRates rates, MessageSource messages) {
        this.results = results;
        this.rates = rates;
        this.messages = messages;
    }

    /**
     * The summary of the wave {@code requested} names ({@code survey/wave}), or of the latest wave when it names
     * none or one without results; empty when no wave has results yet.
     */
    Optional<ResultsSummary> summary(String requested, Locale locale) {
        String language = locale.getLanguage();
        List<ResultsSummary.WaveChoice> waves = results.waves().stream().map(w -> choice(w, language)).toList();
        if (waves.isEmpty()) {
            return Optional.empty();
        }
        Optional<ResultsSummary.WaveChoice> asked = waves.stream().filter(w -> w.key().equals(requested)).findFirst();
        ResultsSummary.WaveChoice shown = asked.orElseGet(() -> latest(waves));
        String unknown = requested == null || requested.isBlank() || asked.isPresent() ? null : requested;
        WaveId id = new WaveId(shown.survey(), shown.wave());
        WaveReport report = results.report(id);
        Flow flow = results.flow(id);
        Headlines headlines = new Headlines(report, flow, messages, locale);
        List<ResultsSummary.Headline> figures = new ArrayList<>();
        List<ResultsSummary.Section> contents = new ArrayList<>();
        for (Question question : flow.steps()) {
            Optional<String> figure = headlines.of(question);
            if (figure.isEmpty()) {
                continue;
            }
            String anchor = "q-" + question.id();
            int number = flow.questionNumber(question.id());
            String text = question.text().in(language);
            contents.add(new ResultsSummary.Section(anchor, number, text));
            if (number > 0) {
                figures.add(new ResultsSummary.Headline(anchor, number, text, figure.get()));
            }
        }
        int respondents = report.overview().respondents();
        String unitsLabel = flow.analysis().unitOfAnalysis().map(u -> u.plural().in(language)).orElse(null);
        ResultsSummary.Rate rate = rates.goal(shown.survey(), shown.wave()).map(goal -> new ResultsSummary.Rate(
                goal.target(), goal.invited(), percent(respondents, goal.target() > 0 ? goal.target() : goal.invited())))
                .orElse(null);
        return Optional.of(new ResultsSummary(shown, waves, unknown, respondents, report.overview().units(), unitsLabel,
                rate, figures, contents));
    }

    private ResultsSummary.WaveChoice choice(WaveId wave, String language) {
        String title = results.flow(wave).title().in(language);
        return new ResultsSummary.WaveChoice(wave.survey(), wave.wave(),
                title.contains(wave.wave()) ? title : title + " (" + wave.wave() + ")");
    }

    /** The wave with the highest id, the page's choice when none is asked for. */
    private static ResultsSummary.WaveChoice latest(List<ResultsSummary.WaveChoice> waves) {
        return waves.stream().max(Comparator.comparing(ResultsSummary.WaveChoice::wave)).orElseThrow();
    }

    /** Null without a base: a rate of nothing is no 0%. */
    private static Integer percent(int count, int base) {
        return base <= 0 ? null : WholePercent.of(count, base);
    }
}
