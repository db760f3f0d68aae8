package io.ordergate.fulfilment.boundary;

import java.util.List;

/**
 * An order's units over all its items: ordered, deliverable (promised to the platform), shipped,
 * cancelled (including those answered as not deliverable), returned, and left to ship.
 */
public record ItemCounts(int ordered, int deliverable, int shipped, int cancelled, int returned, int left) {

    public static final ItemCounts NONE = new ItemCounts(0, 0, 0, 0, 0, 0);

    public static ItemCounts of(List<ItemView> items) {
        return items.stream()
                .map(i -> new ItemCounts(
                        i.ordered(), i.deliverable(), i.shipped(), i.cancelled(), i.returned(), i.left()))
                .reduce(NONE, ItemCounts::plus);
    }

    public ItemCounts plus(ItemCounts other) {
        return new ItemCounts(
                ordered + other.ordered,
                deliverable + other.deliverable,
                shipped + other.shipped,
                cancelled + other.cancelled,
                returned + other.returned,
                left + other.left);
    }

    /** {@code 3 ordered · 2 deliverable · 1 shipped · 1 cancelled · 0 returned}, as the console shows it. */
    public String text() {
        return ordered + " ordered · " + deliverable + " deliverable · " + shipped + " shipped · " + cancelled
                + " cancelled · " + returned + " returned";
    }
}
