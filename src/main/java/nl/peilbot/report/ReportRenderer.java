package nl.peilbot.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a report template (Markdown with placeholders, docs/report.md) and a wave's data into the report's body
 * as XHTML, with its contents, its problems (each naming its line) and the numbers typed by hand. Pure: the data
 * comes in through {@link WaveData.Source}, the frame's texts as a map.
 */
final class ReportRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s.*");
    private static final String BLOCK = "PEILBOTBLOCK";
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Map<String, String> texts;

    ReportRenderer(Map<String, String> texts) {
        this.texts = texts;
    }

    /** A rendered report: its title, contents, body, problems and typed numbers. */
    record Rendered(String title, List<Heading> contents, String body, List<Problem> problems,
                    List<TypedNumber> typed) {

        /** A heading of the contents: its level (1 or 2), its text and the id it links to. */
        record Heading(int level, String text, String id) {
        }

        boolean hasErrors() {
            return problems.stream().anyMatch(Problem::error);
        }
    }

    Rendered render(String template, WaveData.Source source) {
        List<Problem> problems = new ArrayList<>();
        List<TypedNumber> typed = new ArrayList<>();
        List<String> lines = List.of(template.replace("\r\n", "\n").split("\n", -1));
        Map<String, String> front = new LinkedHashMap<>();
        int first = frontMatter(lines, front, problems);
        String units = front.getOrDefault("units", texts.getOrDefault("units", "units"));
        Figures figures = new Figures(source);
        String counted = front.getOrDefault("counted", texts.getOrDefault("counted", "counted"));
        Blocks blocks = new Blocks(source, texts, units, counted);
        TypedNumbers typedNumbers = new TypedNumbers(source.current());
        List<String> blockHtml = new ArrayList<>();
        StringBuilder markdown = new StringBuilder();
        List<String> sectionQuestions = List.of();
        List<Integer> paragraphLines = new ArrayList<>();
        List<String> paragraphTexts = new ArrayList<>();
        Set<String> paragraphQuestions = new HashSet<>();
        for (int i = first; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            int number = i + 1;
            boolean heading = HEADING.matcher(line).matches();
            if (line.isBlank() || heading) {
                List<String> nearby = paragraphQuestions.isEmpty() ? sectionQuestions : List.copyOf(paragraphQuestions);
                for (int p = 0; p < paragraphLines.size(); p++) {
                    typed.addAll(typedNumbers.check(paragraphLines.get(p), paragraphTexts.get(p), nearby));
                }
                paragraphLines.clear();
                paragraphTexts.clear();
                paragraphQuestions.clear();
                if (heading) {
                    sectionQuestions = List.of();
                }
            }
            if (i == lines.size()) {
                break;
            }
            StringBuilder out = new StringBuilder();
            StringBuilder plain = new StringBuilder();
            Matcher matcher = PLACEHOLDER.matcher(line);
            int last = 0;
            while (matcher.find()) {
                out.append(line, last, matcher.start());
                plain.append(line, last, matcher.start()).append(" § ");
                last = matcher.end();
                try {
                    Expression expression = ExpressionParser.parse(matcher.group(1));
                    if (expression instanceof Expression.QuestionBlock || expression instanceof Expression.CompareBlock) {
                        if (!line.strip().equals(matcher.group())) {
                            throw new TemplateException("a '" + matcher.group(1).strip().split("\\s+")[0]
                                    + "' block stands on a line of its own");
                        }
                        sectionQuestions = expression.questions();
                        blockHtml.add(blocks.render(expression));
                        out.append("\n\n" + BLOCK).append(blockHtml.size() - 1).append("X\n\n");
                    } else {
                        paragraphQuestions.addAll(expression.questions());
                        String placeholder = matcher.group().strip();
                        String value = expression instanceof Expression.Figure figure ? figures.value(figure,
                                warning -> problems.add(Problem.warning(number, placeholder + ": " + warning))).text()
                                : figures.top((Expression.Top) expression, texts.getOrDefault("and", "and"));
                        out.append(escapeMarkdown(value));
                    }
                } catch (TemplateException e) {
                    problems.add(Problem.error(number, matcher.group().strip() + ": " + e.getMessage()));
                    out.append("[??]");
                }
            }
            out.append(line.substring(last));
            plain.append(line.substring(last));
            if (line.indexOf("{{", last) >= 0) {
                problems.add(Problem.error(number, "'{{' without '}}'"));
            }
            if (!heading && !line.isBlank()) {
                paragraphLines.add(number);
                paragraphTexts.add(plain.toString());
            }
            markdown.append(out).append('\n');
        }
        typed.stream().filter(t -> t.verdict() == TypedNumber.Verdict.NO_MATCH)
                .forEach(t -> problems.add(Problem.warning(t.line(), "'" + t.text() + "' is typed by hand and no figure of "
                        + (t.questions().isEmpty() ? "the wave" : String.join(", ", t.questions())) + " has this value")));
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return html(front.getOrDefault("title", ""), markdown.toString(), blockHtml, problems, typed);
    }

    private Rendered html(String title, String markdown, List<String> blockHtml, List<Problem> problems,
                          List<TypedNumber> typed) {
        Node document = Parser.builder().extensions(EXTENSIONS).build().parse(markdown);
        Map<Node, String> ids = new HashMap<>();
        List<Rendered.Heading> contents = new ArrayList<>();
        Set<String> used = new HashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = text(heading);
                String id = slug(text, used);
                ids.put(heading, id);
                if (heading.getLevel() <= 2) {
                    contents.add(new Rendered.Heading(heading.getLevel(), text, id));
                }
            }
        });
        String body = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (ids.containsKey(node)) {
                        attributes.put("id", ids.get(node));
                    }
                }).build().render(document);
        for (int i = 0; i < blockHtml.size(); i++) {
            body = body.replace("<p>" + BLOCK + i + "X</p>", blockHtml.get(i));
        }
        return new Rendered(title, List.copyOf(contents), body, List.copyOf(problems), List.copyOf(typed));
    }

    private static int frontMatter(List<String> lines, Map<String, String> front, List<Problem> problems) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals("---")) {
                return i + 1;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add(Problem.error(i + 1, "the front matter has 'key: value' lines (title, units, counted)"));
            } else {
                front.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        problems.add(Problem.error(1, "the front matter opened with '---' is not closed"));
        return lines.size();
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }

    private static String slug(String text, Set<String> used) {
        String base = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String slug = base.isEmpty() ? "section" : base;
        String id = slug;
        for (int n = 2; !used.add(id); n++) {
            id = slug + "-" + n;
        }
        return id;
    }

    private static String escapeMarkdown(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if ("\\`*_[]<>#!|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
