package dev.sextant.ingest;

import java.util.ArrayList;
import java.util.List;

/** Everything wrong with one item, collected so the client learns all of it at once. */
final class Problems {
    private List<String> list;

    void add(String problem) {
        if (list == null) {
            list = new ArrayList<>(2);
        }
        list.add(problem);
    }

    boolean any() {
        return list != null;
    }

    String joined() {
        return list == null ? "" : String.join("; ", list);
    }
}
