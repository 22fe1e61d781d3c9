package nl.peilbot.report;

/** A computed figure: a count, or a whole percent (rounded half up, as the results API does). */
record Value(int number, boolean percent) {

    static Value count(int number) {
        return new Value(number, false);
    }

    static Value percent(int count, int base) {
        return new Value(base <= 0 ? 0 : (int) ((200L * count + base) / (2L * base)), true);
    }

    String text() {
        return percent ? number + "%" : Integer.toString(number);
    }
}
