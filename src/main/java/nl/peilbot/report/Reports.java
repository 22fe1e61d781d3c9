package nl.peilbot.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.peilbot.aggregation.PublishedFigures;
import nl.peilbot.aggregation.PublishedFiguresException;
import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.flow.Flow;
import nl.peilbot.system.ContentSecurityPolicy;
import nl.peilbot.system.PageTexts;

/** Renders a wave's report from its template (stored or given) and its current data. */
@Component
class Reports {

    private static final String LANGUAGE = "nl";

    private final Results results;
    private final ReportTemplates templates;
    private final PageTexts texts;
    private final ReportPage page;
    private final TemplateRevisions revisions;

    Reports(Results results, ReportTemplates templates, TemplateRevisions revisions, MessageSource messages) {
        this.results = results;
        this.templates = templates;
        this.revisions = revisions;
        this.texts = new PageTexts(messages, "report.");
        this.page = new ReportPage(stylesheet());
    }

    /**
     * The wave's template: the one an analyst saved for it, else its file, else one made from its flow
     * ({@link DefaultTemplate}); a wave without a flow throws {@link nl.peilbot.aggregation.UnknownResultException}.
     */
    String template(WaveId wave) {
        return stored(wave).template();
    }

    /**
     * The wave's template with where it comes from: the revision an analyst saved, or the file (revision 0 or a
     * revert), or the default made from the flow when the survey has no file.
     */
    Stored stored(WaveId wave) {
        TemplateRevisions.Revision revision = revisions.current(wave);
        String template = revision.saved() ? revision.template()
                : templates.template(wave).orElseGet(() -> DefaultTemplate.of(results.flow(wave), texts.in(LANGUAGE), LANGUAGE));
        return new Stored(template, revision, "reports/" + wave.survey() + ".md");
    }

    /**
     * Stores {@code template} for the wave (null: back to its file) as the revision after {@code base}; empty when
     * someone else saved after {@code base}, and then nothing was stored.
     */
    Optional<Stored> save(WaveId wave, long base, String template, String savedBy) {
        return revisions.save(wave, base, template, savedBy).map(saved -> stored(wave));
    }

    /** Whether the wave has results to report on. */
    boolean known(WaveId wave) {
        return results.waves().contains(wave);
    }

    /** The report rendered from a template; unknown waves throw {@link nl.peilbot.aggregation.UnknownResultException}. */
    Page render(WaveId wave, String template) {
        Flow flow = results.flow(wave);
        Map<String, String> frame = frame(flow);
        StoredWave current = new StoredWave(results, wave, flow);
        ReportRenderer.Rendered rendered = new ReportRenderer(frame).render(template, new Source(current));
        String subtitle = frame.getOrDefault("respondents", "respondents") + ": " + current.overview().respondents()
                + " · " + wave.survey() + " / " + wave.wave();
        return new Page(rendered, page.html(rendered, LANGUAGE, subtitle, frame));
    }

    /**
     * The frame's texts, with the flow's names for its units and its counted field (a front matter may rename them)
     * and for the parts of its questions.
     */
    private Map<String, String> frame(Flow flow) {
        Map<String, String> frame = new HashMap<>(texts.in(LANGUAGE));
        flow.analysis().unitOfAnalysis().ifPresent(unit -> frame.put("units", unit.plural().in(LANGUAGE)));
        flow.analysis().countedField().ifPresent(counted -> frame.put("counted", counted.label().in(LANGUAGE)));
        flow.questions().forEach(question -> question.fields()
                .forEach(part -> frame.put("part." + question.id() + ":" + part.id(), part.label().in(LANGUAGE))));
        return frame;
    }

    byte[] pdf(Page report) {
        return page.pdf(report.html());
    }

    String contentSecurityPolicy() {
        return page.contentSecurityPolicy();
    }

    /**
     * The Content-Security-Policy of the report editor: the app's own policy, with the report's stylesheet allowed
     * as well, since the preview it frames ({@code srcdoc}) runs under the framing page's policy.
     */
    String editorPolicy() {
        return ContentSecurityPolicy.withStyle(page.styleHash());
    }

    /**
     * A wave's template as stored.
     *
     * @param template the text in use: the saved revision's, else the file's, else the default made from the flow
     * @param file the file the wave falls back to, relative to the flow directory
     */
    record Stored(String template, TemplateRevisions.Revision revision, String file) {
    }

    /** A rendered report and its whole page. */
    record Page(ReportRenderer.Rendered report, String html) {
    }

    /** The report's wave and the earlier waves its template names, each read once per rendering. */
    private final class Source implements WaveData.Source {

        private final WaveData current;
        private final Map<String, WaveData> earlier = new HashMap<>();

        Source(WaveData current) {
            this.current = current;
        }

        @Override
        public WaveData current() {
            return current;
        }

        @Override
        public WaveData wave(String reference) {
            return earlier.computeIfAbsent(reference, ref -> {
                int slash = ref.indexOf('/');
                WaveId id = new WaveId(ref.substring(0, slash), ref.substring(slash + 1));
                // the figures of record: an analyst entered them, even where some answers were also stored
                Optional<PublishedFigures> figures;
                try {
                    figures = results.published(id);
                } catch (PublishedFiguresException e) {
                    throw new TemplateException(e.getMessage());
                }
                if (figures.isPresent()) {
                    return new PublishedWave(figures.get());
                }
                if (!results.waves().contains(id)) {
                    throw new TemplateException("no wave '" + ref + "': neither results nor published figures");
                }
                return new StoredWave(results, id, results.flow(id));
            });
        }
    }

    private static String stylesheet() {
        try {
            return new org.springframework.core.io.ClassPathResource("report/report.css")
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
