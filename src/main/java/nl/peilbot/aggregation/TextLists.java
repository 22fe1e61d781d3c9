package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts the tables list (the "Anders, namelijk" texts and the open answers with their categories), gathered from
 * the wave's current contributions. Unlike the counters this grows with the responses, so it is read only by the
 * tables that list texts, and never stored in one document.
 *
 * <p>Each list is sorted by response.
 */
final class TextLists {

    static final TextLists EMPTY = new TextLists(Map.of());

    private static final Comparator<Item> ORDER = Comparator.comparing(Item::response).thenComparing(Item::text);

    /** Which list: like a {@link TallyKey}, one record per kind, so no list is named by a string built by convention. */
    sealed interface Key {
    }

    /** The "Anders, namelijk" texts typed at a choice question. */
    record OtherTexts(String question) implements Key {
    }

    /** The open answers given to an answer key (question, or {@code question:part}). */
    record OpenAnswers(String answerKey) implements Key {
    }

    /** A text in a list, with the response it came from and, for open answers, its categories. */
    record Item(String response, String text, List<String> categories) {

        Item {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    private final Map<Key, List<Item>> lists;

    private TextLists(Map<Key, List<Item>> lists) {
        this.lists = lists;
    }

    static TextLists of(Iterable<Contribution> contributions) {
        Map<Key, List<Item>> lists = new HashMap<>();
        for (Contribution c : contributions) {
            c.otherTexts().forEach((q, text) ->
                    lists.computeIfAbsent(new OtherTexts(q), k -> new ArrayList<>()).add(new Item(c.response(), text, null)));
            c.texts().forEach((key, open) -> lists.computeIfAbsent(new OpenAnswers(key), k -> new ArrayList<>())
                    .add(new Item(c.response(), open.text(), open.categories())));
        }
        lists.values().forEach(items -> items.sort(ORDER));
        return new TextLists(lists);
    }

    List<Item> list(Key key) {
        return lists.getOrDefault(key, List.of());
    }
}
