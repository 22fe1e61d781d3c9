package nl.peilbot.aggregation;

/** Whole percents the report's way: rounded half up (6 of 16 is 38%, 13 of 35 is 37%); 0 when there is no base. */
final class Percent {

    private Percent() {
    }

    static int of(int count, int base) {
        return base <= 0 ? 0 : (int) ((200L * count + base) / (2L * base));
    }
}
