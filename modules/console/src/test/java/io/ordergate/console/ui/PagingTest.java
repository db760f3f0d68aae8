package io.ordergate.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.platform.boundary.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    /** 1,000 rows 0..999 behind a page-numbered query, recording what was asked. */
    final List<Page.Request> asked = new ArrayList<>();

    List<Integer> rows(Page.Request page) {
        asked.add(page);
        return IntStream.range(page.offset(), Math.min(page.offset() + page.size(), 1000))
                .boxed()
                .toList();
    }

    @Test
    void anAlignedWindowIsOneQuery() {
        assertThat(Paging.window(100, 50, this::rows)).containsExactlyElementsOf(range(100, 150));
        assertThat(asked).containsExactly(new Page.Request(2, 50));
    }

    @Test
    void anUnalignedWindowIsServedFromThePagesCoveringIt() {
        assertThat(Paging.window(30, 50, this::rows)).containsExactlyElementsOf(range(30, 80));
        assertThat(asked).containsExactly(new Page.Request(0, 50), new Page.Request(1, 50));
    }

    @Test
    void aWindowLargerThanTheLargestPageTakesSeveralPages() {
        assertThat(Paging.window(0, 450, this::rows)).containsExactlyElementsOf(range(0, 450));
        assertThat(asked).containsExactly(new Page.Request(0, 200), new Page.Request(1, 200), new Page.Request(2, 200));
    }

    @Test
    void theEndOfTheDataStopsTheQueries() {
        assertThat(Paging.window(980, 50, this::rows)).containsExactlyElementsOf(range(980, 1000));
        assertThat(Paging.window(2000, 50, this::rows)).isEmpty();
        assertThat(Paging.window(0, 0, this::rows)).isEmpty();
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
