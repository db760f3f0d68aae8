package io.ordergate.console.ui;

import io.ordergate.platform.boundary.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Serves a lazy grid's offset/limit windows from the facades' page-numbered queries (pages of at
 * most {@link Page.Request#MAX_SIZE}). A grid asks for aligned windows, so this is normally one
 * query; an unaligned window is served from the pages that cover it.
 */
public final class Paging {

    private Paging() {}

    public static <T> Stream<T> window(int offset, int limit, Function<Page.Request, List<T>> fetch) {
        if (limit <= 0) {
            return Stream.empty();
        }
        int size = Math.min(limit, Page.Request.MAX_SIZE);
        int first = offset / size;
        int last = (offset + limit - 1) / size;
        var rows = new ArrayList<T>();
        for (int page = first; page <= last; page++) {
            var items = fetch.apply(new Page.Request(page, size));
            rows.addAll(items);
            if (items.size() < size) {
                break;
            }
        }
        int from = Math.min(offset - first * size, rows.size());
        return rows.subList(from, Math.min(from + limit, rows.size())).stream();
    }
}
