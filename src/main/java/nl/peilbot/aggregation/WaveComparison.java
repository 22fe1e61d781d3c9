package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The same question in several waves, matched by question id and option code; a wave may be one known only by its
 * published figures ({@link PublishedFigures}).
 *
 * @param waves each wave's side, in the order asked for
 * @param rows  one per option code found in any wave, labelled as in the last wave that has it
 */
public record WaveComparison(String questionId, Unit unit, List<ComparedWave> waves, List<Row> rows) {

    /** A wave computed from its stored answers. */
    public static final String ANSWERS = "answers";
    /** A wave known only by its published figures: only the options it published have a count. */
    public static final String PUBLISHED = "published";

    public WaveComparison {
        waves = List.copyOf(waves);
        rows = List.copyOf(rows);
    }

    /**
     * One wave's side of the comparison.
     *
     * @param base        who answered the question in that wave (respondents or units): what its percents are of
     * @param counts      its options as counted (stored answers) or as published (only the published ones)
     * @param source      {@link #ANSWERS} or {@link #PUBLISHED}
     * @param publication for a published wave, the publication its figures come from; else null
     */
    public record ComparedWave(WaveId wave, String questionId, String text, Unit unit, int base,
                               List<Distribution.Count> counts, String source, String publication) {

        public ComparedWave {
            counts = List.copyOf(counts);
        }

        static ComparedWave answers(Distribution distribution) {
            return new ComparedWave(distribution.wave(), distribution.questionId(), distribution.text(), distribution.unit(),
                    distribution.base(), distribution.counts(), ANSWERS, null);
        }

        static ComparedWave published(Distribution distribution, PublishedFigures figures) {
            return new ComparedWave(distribution.wave(), distribution.questionId(), distribution.text(), distribution.unit(),
                    distribution.base(), distribution.counts(), PUBLISHED, figures.source());
        }

        public boolean published() {
            return PUBLISHED.equals(source);
        }
    }

    /**
     * One option across the waves: its count in each, in the order of {@code waves}: 0 where a wave's answers do not
     * have it, null where a published wave did not publish it (unknown, not zero).
     */
    public record Row(String code, String label, List<Distribution.Count> perWave) {

        public Row {
            perWave = Collections.unmodifiableList(new ArrayList<>(perWave));
        }
    }
}
