package nl.peilbot.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises which option(s) a typed reply means: by number, code or label, ignoring case, accents,
 * punctuation and small typos; lists such as "1, 3 en 4", "1,3 and 4" or "1 3 4".
 */
final class TextMatcher {

    private static final Pattern MARKS = Pattern.compile("[\\p{M}\\p{Cf}]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]+");
    private static final Pattern AND = Pattern.compile("\\s+(?:en|and|&|\\+)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextMatcher() {
    }

    /** Lower case, without accents, punctuation turned into single spaces. */
    static String normalise(String text) {
        if (isAscii(text)) {
            return normaliseAscii(text);
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The same as the general path for ASCII text (no marks; letters and digits are [A-Za-z0-9]), without regexes. */
    private static String normaliseAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** Whether {@code text} is one of {@code words} (compared normalised, exactly). */
    static boolean isOneOf(String text, Collection<String> words) {
        String typed = normalise(text);
        return !typed.isEmpty() && words.stream().map(TextMatcher::normalise).anyMatch(typed::equals);
    }

    /** The one candidate {@code text} names, if exactly one fits. */
    static Optional<String> matchOne(String text, List<Candidate> candidates) {
        return matchOne(text, candidates, true);
    }

    private static Optional<String> matchOne(String text, List<Candidate> candidates, boolean typos) {
        String raw = text.strip();
        if (isNumber(raw)) {
            int number = Integer.parseInt(withoutListMark(raw));
            for (Candidate candidate : candidates) {
                if (candidate.number() > 0 && candidate.number() == number) {
                    return Optional.of(candidate.code());
                }
            }
        }
        String typed = normalise(raw);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> exact = unique(candidates, typed, false);
        if (exact.isPresent()) {
            return exact;
        }
        if (typed.length() >= 3) {
            Optional<String> prefix = unique(candidates, typed + " ", true);
            if (prefix.isPresent()) {
                return prefix;
            }
        }
        return typos ? closest(typed, candidates) : Optional.empty();
    }

    /**
     * One to four ASCII digits, also as written in a numbered list ("2", "2." or "2)"), checked without a regex on every
     * typed reply.
     */
    private static boolean isNumber(String text) {
        String digits = withoutListMark(text);
        if (digits.isEmpty() || digits.length() > 4) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String withoutListMark(String text) {
        int last = text.length() - 1;
        return last > 0 && (text.charAt(last) == '.' || text.charAt(last) == ')') ? text.substring(0, last) : text;
    }

    /** All candidates {@code text} names, in the order typed, without repeats; empty when any part is not recognised. */
    static Optional<List<String>> matchList(String text, List<Candidate> candidates) {
        Optional<String> single = matchOne(text, candidates, false);
        if (single.isPresent()) {
            return Optional.of(List.of(single.get()));
        }
        Optional<List<String>> split = matchChunks(text, candidates);
        return split.isPresent() ? split : matchOne(text, candidates, true).map(List::of);
    }

    private static Optional<List<String>> matchChunks(String text, List<Candidate> candidates) {
        Set<String> codes = new LinkedHashSet<>();
        for (String chunk : LIST_SEPARATOR.split(text)) {
            if (chunk.isBlank()) {
                continue;
            }
            Optional<List<String>> chunkCodes = matchChunk(chunk, candidates);
            if (chunkCodes.isEmpty()) {
                return Optional.empty();
            }
            codes.addAll(chunkCodes.get());
        }
        return codes.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(codes));
    }

    /** One comma-separated chunk: an option, or options joined by "en"/"and", or numbers separated by spaces. */
    private static Optional<List<String>> matchChunk(String chunk, List<Candidate> candidates) {
        Optional<String> whole = matchOne(chunk, candidates, false);
        if (whole.isPresent()) {
            return Optional.of(List.of(whole.get()));
        }
        Optional<List<String>> joined = matchJoined(chunk.strip(), candidates);
        if (joined.isPresent()) {
            return joined;
        }
        String[] words = SPACES.split(chunk.strip());
        if (words.length > 1 && java.util.Arrays.stream(words).allMatch(TextMatcher::isNumber)) {
            List<String> codes = new ArrayList<>();
            for (String number : words) {
                Optional<String> code = matchOne(number, candidates, false);
                if (code.isEmpty()) {
                    return Optional.empty();
                }
                codes.add(code.get());
            }
            return Optional.of(codes);
        }
        return matchOne(chunk, candidates, true).map(List::of);
    }

    /**
     * Options joined by "en"/"and": tries the longest leading run of pieces first, because a label may itself
     * contain "en" ("Beeld- en gezichtsherkenning en NLP").
     */
    private static Optional<List<String>> matchJoined(String text, List<Candidate> candidates) {
        java.util.regex.Matcher separator = AND.matcher(text);
        List<int[]> separators = new ArrayList<>();
        while (separator.find()) {
            separators.add(new int[] {separator.start(), separator.end()});
        }
        if (separators.isEmpty()) {
            return Optional.empty();
        }
        for (int i = separators.size() - 1; i >= 0; i--) {
            String head = text.substring(0, separators.get(i)[0]);
            String tail = text.substring(separators.get(i)[1]);
            Optional<String> first = matchOne(head, candidates, false);
            if (first.isEmpty() && i == 0) {
                first = matchOne(head, candidates, true);
            }
            if (first.isEmpty()) {
                continue;
            }
            Optional<List<String>> rest = matchOne(tail, candidates, false).map(List::of);
            if (rest.isEmpty()) {
                rest = matchJoined(tail, candidates);
            }
            if (rest.isEmpty()) {
                rest = matchOne(tail, candidates, true).map(List::of);
            }
            if (rest.isPresent()) {
                List<String> codes = new ArrayList<>(List.of(first.get()));
                codes.addAll(rest.get());
                return Optional.of(codes);
            }
        }
        return Optional.empty();
    }

    private static java.util.stream.Stream<String> names(Candidate candidate) {
        return candidate.names().stream();
    }

    /**
     * The one code among the candidates with a name equal to {@code typed} (or starting with it, for a prefix); empty
     * when none or several codes fit. A loop rather than a stream: this runs for every option on every typed reply.
     */
    private static Optional<String> unique(List<Candidate> candidates, String typed, boolean prefix) {
        String found = null;
        for (Candidate candidate : candidates) {
            if (!fits(candidate, typed, prefix) || candidate.code().equals(found)) {
                continue;
            }
            if (found != null) {
                return Optional.empty();
            }
            found = candidate.code();
        }
        return Optional.ofNullable(found);
    }

    private static boolean fits(Candidate candidate, String typed, boolean prefix) {
        for (String name : candidate.names()) {
            if (prefix ? name.startsWith(typed) : name.equals(typed)) {
                return true;
            }
        }
        return false;
    }

    /** The candidate within a few typos of {@code typed}, when it is strictly closer than every other one. */
    private static Optional<String> closest(String typed, List<Candidate> candidates) {
        int allowed = allowedTypos(typed);
        if (allowed == 0) {
            return Optional.empty();
        }
        java.util.Map<String, Integer> byCode = new java.util.LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            int distance = names(candidate).mapToInt(n -> distance(typed, n, allowed + 1)).min().orElse(allowed + 1);
            byCode.merge(candidate.code(), distance, Math::min);
        }
        List<java.util.Map.Entry<String, Integer>> sorted = byCode.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByValue()).toList();
        if (sorted.isEmpty() || sorted.get(0).getValue() > allowed) {
            return Optional.empty();
        }
        if (sorted.size() > 1 && sorted.get(1).getValue() <= sorted.get(0).getValue()) {
            return Optional.empty();
        }
        return Optional.of(sorted.get(0).getKey());
    }

    static int allowedTypos(String typed) {
        int length = typed.length();
        return length <= 3 ? 0 : length <= 7 ? 1 : 2;
    }

    /** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), capped at {@code cap}. */
    static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
            }
        }
        return Math.min(d[a.length()][b.length()], cap);
    }
}
