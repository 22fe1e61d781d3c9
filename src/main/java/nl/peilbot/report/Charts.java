package nl.peilbot.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG (vectors in the browser and in the PDF): horizontal bars for multiple choice
 * and frequencies, one 100 % bar for a single choice, columns per point of a rating scale and a box plot for a
 * number. Only SVG attributes, no style attributes, so the page's Content-Security-Policy holds.
 */
final class Charts {

    /**
     * One bar: its label, the number shown beside it and its share of the base (0–100); a bar of a wave known only
     * by its published figures is drawn hatched-light, and the chart then carries the note that says so.
     */
    record Bar(String label, String value, double share, boolean published) {

        Bar(String label, String value, double share) {
            this(label, value, share, false);
        }
    }

    private static final String PUBLISHED_COLOUR = "#9dbcd4";

    private static final String[] COLOURS = {"#1f5f8b", "#e07b39", "#4d9a6a", "#c44e52", "#8172b2", "#937860",
            "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd"};
    private static final int WIDTH = 640;
    private static final int ROW = 40;

    private Charts() {
    }

    /** One row per bar: the label above, the bar scaled to the largest share, the value at its end. */
    static String horizontalBars(List<Bar> bars, String title) {
        return horizontalBars(bars, title, null);
    }

    /**
     * As {@link #horizontalBars(List, String)}, with {@code publishedNote} written under the bars when any bar is of
     * a published wave, so the chart says so wherever it is shown.
     */
    static String horizontalBars(List<Bar> bars, String title, String publishedNote) {
        double max = bars.stream().mapToDouble(Bar::share).max().orElse(0);
        boolean note = publishedNote != null && bars.stream().anyMatch(Bar::published);
        int height = Math.max(ROW, bars.size() * ROW) + 8 + (note ? 20 : 0);
        StringBuilder svg = open(height, title);
        int barSpace = WIDTH - 70;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW;
            double length = max <= 0 ? 0 : barSpace * bar.share() / max;
            svg.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"13\" fill=\"#222222\">")
                    .append(Html.escape(bar.label())).append("</text>");
            svg.append("<rect x=\"0\" y=\"").append(y + 18).append("\" width=\"").append(number(Math.max(length, 1)))
                    .append("\" height=\"16\" fill=\"").append(bar.published() ? PUBLISHED_COLOUR : COLOURS[0])
                    .append(bar.published() ? "\" stroke=\"" + COLOURS[0] + "\" stroke-dasharray=\"4 2" : "").append("\"/>");
            svg.append("<text x=\"").append(number(length + 6)).append("\" y=\"").append(y + 31)
                    .append("\" font-size=\"13\" fill=\"#222222\">").append(Html.escape(bar.value())).append("</text>");
        }
        if (note) {
            svg.append("<text x=\"0\" y=\"").append(height - 6).append("\" font-size=\"12\" font-style=\"italic\" ")
                    .append("fill=\"#555555\">").append(Html.escape(publishedNote)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** One bar of 100 %, a segment per answer, with a legend of labels and values below it. */
    static String fullBar(List<Bar> bars, String title) {
        double total = bars.stream().mapToDouble(Bar::share).sum();
        int height = 40 + bars.size() * 22;
        StringBuilder svg = open(height, title);
        double x = 0;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double width = total <= 0 ? 0 : WIDTH * bar.share() / total;
            if (width > 0) {
                svg.append("<rect x=\"").append(number(x)).append("\" y=\"0\" width=\"").append(number(width))
                        .append("\" height=\"28\" fill=\"").append(colour(i)).append("\"/>");
                if (width >= 40) {
                    svg.append("<text x=\"").append(number(x + width / 2)).append("\" y=\"19\" font-size=\"13\" ")
                            .append("text-anchor=\"middle\" fill=\"#ffffff\">").append(Html.escape(bar.value()))
                            .append("</text>");
                }
            }
            x += width;
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 40 + i * 22;
            svg.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"14\" height=\"14\" fill=\"").append(colour(i))
                    .append("\"/>");
            svg.append("<text x=\"22\" y=\"").append(y + 12).append("\" font-size=\"13\" fill=\"#222222\">")
                    .append(Html.escape(bar.label() + " – " + bar.value())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * One column per point of a rating scale, its count above it and its point below; the scale's end labels under
     * its first and last column.
     */
    static String columns(List<Bar> points, String lowLabel, String highLabel, String title) {
        double max = points.stream().mapToDouble(Bar::share).max().orElse(0);
        int plot = 140;
        int height = plot + 62;
        StringBuilder svg = open(height, title);
        double slot = (double) WIDTH / Math.max(1, points.size());
        double width = Math.min(56, slot * 0.7);
        for (int i = 0; i < points.size(); i++) {
            Bar point = points.get(i);
            double centre = slot * i + slot / 2;
            double length = max <= 0 ? 0 : (plot - 20) * point.share() / max;
            svg.append("<rect x=\"").append(number(centre - width / 2)).append("\" y=\"").append(number(plot - length))
                    .append("\" width=\"").append(number(width)).append("\" height=\"").append(number(Math.max(length, 1)))
                    .append("\" fill=\"").append(COLOURS[0]).append("\"/>");
            svg.append("<text x=\"").append(number(centre)).append("\" y=\"").append(number(plot - length - 5))
                    .append("\" font-size=\"13\" text-anchor=\"middle\" fill=\"#222222\">").append(Html.escape(point.value()))
                    .append("</text>");
            svg.append("<text x=\"").append(number(centre)).append("\" y=\"").append(plot + 18)
                    .append("\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#222222\">")
                    .append(Html.escape(point.label())).append("</text>");
        }
        svg.append("<line x1=\"0\" y1=\"").append(plot).append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(plot)
                .append("\" stroke=\"#888888\" stroke-width=\"1\"/>");
        if (!points.isEmpty()) {
            svg.append("<text x=\"0\" y=\"").append(plot + 40).append("\" font-size=\"12\" fill=\"#555555\">")
                    .append(Html.escape("\u2190 " + lowLabel)).append("</text>");
            svg.append("<text x=\"").append(WIDTH).append("\" y=\"").append(plot + 40)
                    .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#555555\">")
                    .append(Html.escape(highLabel + " \u2192")).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The five numbers of a box plot and the mean, with their labels as the text shows them. */
    record Box(double min, double lowerQuartile, double median, double upperQuartile, double max, double mean,
               List<String> labels) {
    }

    /**
     * A box plot on one axis from the lowest to the highest answer: whiskers to both, the box from the lower to the
     * upper quartile, a line at the median, a diamond at the mean, and the five numbers written below.
     */
    static String boxPlot(Box box, String title) {
        int height = 96;
        StringBuilder svg = open(height, title);
        double left = 40;
        double right = WIDTH - 40;
        double span = box.max() - box.min();
        java.util.function.DoubleUnaryOperator x = v -> span <= 0 ? (left + right) / 2 : left + (right - left) * (v - box.min()) / span;
        int top = 10;
        int bottom = 46;
        int middle = (top + bottom) / 2;
        line(svg, x.applyAsDouble(box.min()), middle, x.applyAsDouble(box.lowerQuartile()), middle);
        line(svg, x.applyAsDouble(box.upperQuartile()), middle, x.applyAsDouble(box.max()), middle);
        line(svg, x.applyAsDouble(box.min()), top + 8, x.applyAsDouble(box.min()), bottom - 8);
        line(svg, x.applyAsDouble(box.max()), top + 8, x.applyAsDouble(box.max()), bottom - 8);
        double boxLeft = x.applyAsDouble(box.lowerQuartile());
        svg.append("<rect x=\"").append(number(boxLeft)).append("\" y=\"").append(top).append("\" width=\"")
                .append(number(Math.max(x.applyAsDouble(box.upperQuartile()) - boxLeft, 1))).append("\" height=\"")
                .append(bottom - top).append("\" fill=\"#d6e4ef\" stroke=\"").append(COLOURS[0]).append("\"/>");
        svg.append("<line x1=\"").append(number(x.applyAsDouble(box.median()))).append("\" y1=\"").append(top)
                .append("\" x2=\"").append(number(x.applyAsDouble(box.median()))).append("\" y2=\"").append(bottom)
                .append("\" stroke=\"").append(COLOURS[1]).append("\" stroke-width=\"3\"/>");
        double mean = x.applyAsDouble(box.mean());
        svg.append("<polygon points=\"").append(number(mean)).append(',').append(middle - 6).append(' ')
                .append(number(mean + 6)).append(',').append(middle).append(' ').append(number(mean)).append(',')
                .append(middle + 6).append(' ').append(number(mean - 6)).append(',').append(middle)
                .append("\" fill=\"#222222\"/>");
        double[] at = {box.min(), box.lowerQuartile(), box.median(), box.upperQuartile(), box.max()};
        for (int i = 0; i < at.length && i < box.labels().size(); i++) {
            // alternate rows so close numbers do not overlap
            svg.append("<text x=\"").append(number(x.applyAsDouble(at[i]))).append("\" y=\"").append(i % 2 == 0 ? 66 : 86)
                    .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222222\">")
                    .append(Html.escape(box.labels().get(i))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2) {
        svg.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
                .append(number(x2)).append("\" y2=\"").append(number(y2)).append("\" stroke=\"#222222\" stroke-width=\"1.5\"/>");
    }

    private static StringBuilder open(int height, String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" font-family=\"Helvetica, Arial, sans-serif\"><title>")
                .append(Html.escape(title)).append("</title>");
    }

    private static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
