package nl.peilbot.aggregation;

import java.math.BigDecimal;

/**
 * A number question's answers: how many, their mean, the lowest, the quartiles and the highest. Quartiles and the
 * median interpolate between the two nearest answers (as spreadsheets' QUARTILE.INC does); every statistic is null
 * when nobody answered.
 *
 * @param unit     what the number counts in the flow's default language, null for none
 * @param answered respondents who gave a number
 * @param mean     the mean, to two decimals more than the question allows
 */
public record NumberTable(WaveId wave, String questionId, String text, String unit, int answered, BigDecimal mean,
                          BigDecimal min, BigDecimal lowerQuartile, BigDecimal median, BigDecimal upperQuartile,
                          BigDecimal max) {
}
