package nl.peilbot.aggregation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rating question's answers: how many gave each point, the mean, and the share of top scores; on a 0–10 scale
 * also the Net Promoter split (9–10 promoters, 7–8 passives, 0–6 detractors).
 *
 * @param answered   respondents who gave a point: what percentages are of
 * @param mean       the mean point, to two decimals; null when nobody answered
 * @param points     every point of the scale, lowest first, then points no longer on it
 * @param topScores  respondents who gave one of the two highest points (9–10 on a 0–10 scale)
 * @param topPercent {@code topScores} as a whole percent of {@code answered}
 * @param promoters  on a 0–10 scale, the Net Promoter split; else null
 */
public record RatingTable(WaveId wave, String questionId, String text, int min, int max, String minLabel,
                          String maxLabel, int answered, BigDecimal mean, List<Point> points, int topScores,
                          int topPercent, NetPromoter promoters) {

    public RatingTable {
        points = List.copyOf(points);
    }

    /** One point of the scale: how many gave it and that as a whole percent of the answers. */
    public record Point(int value, int count, int percent) {
    }

    /**
     * Promoters (9–10), passives (7–8) and detractors (0–6), as counts and whole percents; the score is the percent
     * of promoters minus that of detractors, from -100 to 100.
     */
    public record NetPromoter(int promoters, int passives, int detractors, int promotersPercent, int passivesPercent,
                              int detractorsPercent, int score) {
    }
}
