package nl.peilbot.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG (vectors in the browser and in the PDF): horizontal bars for multiple choice
 * and frequencies, one 100 % bar for a single choice. Only SVG attributes, no style attributes, so the page's
 * Content-Security-Policy holds.
 */
final class Charts {

    /** One bar: its label, the number shown beside it and its share of the base (0–100). */
    record Bar(String label, String value, double share) {
    }

    private static final String[] COLOURS = {"#1f5f8b", "#e07b39", "#4d9a6a", "#c44e52", "#8172b2", "#937860",
            "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd"};
    private static final int WIDTH = 640;
    private static final int ROW = 40;

    private Charts() {
    }

    /** One row per bar: the label above, the bar scaled to the largest share, the value at its end. */
    static String horizontalBars(List<Bar> bars, String title) {
        double max = bars.stream().mapToDouble(Bar::share).max().orElse(0);
        int height = Math.max(ROW, bars.size() * ROW) + 8;
        StringBuilder svg = open(height, title);
        int barSpace = WIDTH - 70;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW;
            double length = max <= 0 ? 0 : barSpace * bar.share() / max;
            svg.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"13\" fill=\"#222222\">")
                    .append(Html.escape(bar.label())).append("</text>");
            svg.append("<rect x=\"0\" y=\"").append(y + 18).append("\" width=\"").append(number(Math.max(length, 1)))
                    .append("\" height=\"16\" fill=\"").append(COLOURS[0]).append("\"/>");
            svg.append("<text x=\"").append(number(length + 6)).append("\" y=\"").append(y + 31)
                    .append("\" font-size=\"13\" fill=\"#222222\">").append(Html.escape(bar.value())).append("</text>");
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
