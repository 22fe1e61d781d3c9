package nl.peilbot.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * The report as one self-contained XHTML page (its stylesheet inline, charts as inline SVG, no script) and as an
 * A4 PDF made from that same page by OpenHTMLtoPDF, with page numbers and the contents' page numbers.
 */
final class ReportPage {

    private final String css;
    private final String styleHash;

    ReportPage(String css) {
        this.css = css;
        this.styleHash = "sha256-" + Base64.getEncoder().encodeToString(sha256(css));
    }

    /** The Content-Security-Policy of the page: its own stylesheet and nothing else. */
    String contentSecurityPolicy() {
        return "default-src 'none'; style-src '" + styleHash + "'; img-src data:; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'self'";
    }

    /** The hash of the page's inline stylesheet, as a Content-Security-Policy source ({@code sha256-…}). */
    String styleHash() {
        return styleHash;
    }

    String html(ReportRenderer.Rendered report, String language, String subtitle, Map<String, String> texts) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(Html.escape(language)).append("\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>")
                .append(Html.escape(report.title())).append("</title><style>").append(css).append("</style></head><body>");
        html.append("<header class=\"cover\"><h1 id=\"report-title\">").append(Html.escape(report.title()))
                .append("</h1><p class=\"meta\">").append(Html.escape(subtitle)).append("</p></header>");
        contents(html, report.contents(), texts.getOrDefault("contents", "Contents"));
        html.append("<main>").append(report.body()).append("</main></body></html>");
        return html.toString();
    }

    byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void contents(StringBuilder html, List<ReportRenderer.Rendered.Heading> headings, String title) {
        if (headings.isEmpty()) {
            return;
        }
        html.append("<nav class=\"contents\"><h2 id=\"contents\">").append(Html.escape(title)).append("</h2><ul>");
        headings.forEach(h -> html.append("<li class=\"level-").append(h.level()).append("\"><a href=\"#")
                .append(Html.escape(h.id())).append("\">").append(Html.escape(h.text())).append("</a></li>"));
        html.append("</ul></nav>");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
