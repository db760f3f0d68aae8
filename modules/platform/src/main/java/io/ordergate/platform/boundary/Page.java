package io.ordergate.platform.boundary;

import java.util.List;

/** One page of a list and the total number of matching rows. */
public record Page<T>(List<T> items, long total) {

    /** Page numbers start at 0; sizes are clamped to 1..200 so that no caller can load a whole table. */
    public record Request(int page, int size) {
        public static final int MAX_SIZE = 200;

        public Request {
            if (page < 0) {
                throw new ProblemException(400, "Invalid page", "page must be 0 or greater");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new ProblemException(400, "Invalid page size", "size must be between 1 and " + MAX_SIZE);
            }
        }

        public int offset() {
            return page * size;
        }
    }
}
