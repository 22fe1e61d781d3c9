package nl.peilbot.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * The mails of a survey, kept as data next to its flow: {@code <templates>/<survey>/<kind>.<language>.subject},
 * {@code .txt} and {@code .html}, one set per language of the flow. They are Thymeleaf templates with the variables
 * {@code name}, {@code profile} (the invitation's profile by field id, choices as their label), {@code link},
 * {@code telegramLink} (null without a bot), {@code deadline} (the end of the invitation's validity, or null),
 * {@code survey} (the flow's title), {@code sender} and {@code declineLink}. The HTML body is rendered in HTML mode,
 * so every value is escaped; the mail holds every language in the flow's order, its subject is the first one's.
 */
final class MailTemplates {

    static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final Path folder;
    private final TemplateEngine text = engine(TemplateMode.TEXT);
    private final TemplateEngine html = engine(TemplateMode.HTML);

    MailTemplates(Path folder) {
        this.folder = folder;
    }

    /** What a template needs to know about the invitee and the links; nothing here is logged. */
    record Values(String name, Map<String, String> profile, String link, String telegramLink, Instant deadline,
                  String sender, String declineLink) {
    }

    record Rendered(String subject, String text, String html) {
    }

    /** A template that is missing or does not render: the survey's mails cannot go out. */
    static final class TemplateException extends RuntimeException {
        TemplateException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Rendered render(Flow flow, MailKind kind, Values values) {
        String subject = null;
        List<String> texts = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        for (String language : flow.languages()) {
            Context context = context(flow, language, values);
            String base = kind.stored() + "." + language;
            String renderedSubject = process(text, flow.id(), base + ".subject", context).strip().replaceAll("\\s+", " ");
            if (subject == null) {
                subject = renderedSubject;
            }
            texts.add(process(text, flow.id(), base + ".txt", context).strip());
            htmls.add("<div lang=\"" + language + "\">" + process(html, flow.id(), base + ".html", context) + "</div>");
        }
        String body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + String.join("<hr>", htmls) + "</body></html>";
        return new Rendered(subject, String.join("\n\n----------\n\n", texts) + "\n", body);
    }

    private static Context context(Flow flow, String language, Values values) {
        Context context = new Context(Locale.forLanguageTag(language));
        context.setVariable("name", values.name());
        context.setVariable("profile", labels(flow, language, values.profile()));
        context.setVariable("link", values.link());
        // Thymeleaf counts an empty text as true: no bot means no link at all.
        context.setVariable("telegramLink", values.telegramLink() == null || values.telegramLink().isEmpty() ? null
                : values.telegramLink());
        context.setVariable("deadline", values.deadline() == null ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                        .format(values.deadline().minusSeconds(1).atZone(DUTCH_TIME)));
        context.setVariable("survey", flow.title().in(language));
        context.setVariable("sender", values.sender());
        context.setVariable("declineLink", values.declineLink());
        return context;
    }

    /** Profile values as a respondent reads them: a choice field's code becomes its label in the language. */
    private static Map<String, String> labels(Flow flow, String language, Map<String, String> profile) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Question field : flow.profile()) {
            String value = profile.get(field.id());
            if (value != null) {
                labels.put(field.id(), field.option(value).map(option -> option.label().in(language)).orElse(value));
            }
        }
        return labels;
    }

    private String process(TemplateEngine engine, String survey, String file, Context context) {
        Path path = folder.resolve(survey).resolve(file);
        String template;
        try {
            template = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException("no mail template " + survey + "/" + file, e);
        }
        try {
            return engine.process(template, context);
        } catch (RuntimeException e) {
            throw new TemplateException("mail template " + survey + "/" + file + " does not render: " + e.getMessage(), e);
        }
    }

    private static TemplateEngine engine(TemplateMode mode) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setCacheable(false);
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
