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
 * <p>Keys: {@code other/<q>} and {@code open/<answer key>}; each list is sorted by response.
 */
final class TextLists {

    static final TextLists EMPTY = new TextLists(Map.of());

    private static final Comparator<Item> ORDER = Comparator.comparing(Item::response).thenComparing(Item::text);

    /** A text in a list, with the response it came from and, for open answers, its categories. */
    record Item(String response, String text, List<String> categories) {

        Item {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    private final Map<String, List<Item>> lists;

    private TextLists(Map<String, List<Item>> lists) {
        this.lists = lists;
    }

    static TextLists of(Iterable<Contribution> contributions) {
        Map<String, List<Item>> lists = new HashMap<>();
        for (Contribution c : contributions) {
            c.otherTexts().forEach((q, text) ->
                    lists.computeIfAbsent("other/" + q, k -> new ArrayList<>()).add(new Item(c.response(), text, null)));
            c.texts().forEach((key, open) -> lists.computeIfAbsent("open/" + key, k -> new ArrayList<>())
                    .add(new Item(c.response(), open.text(), open.categories())));
        }
        lists.values().forEach(items -> items.sort(ORDER));
        return new TextLists(lists);
    }

    List<Item> list(String key) {
        return lists.getOrDefault(key, List.of());
    }
}
