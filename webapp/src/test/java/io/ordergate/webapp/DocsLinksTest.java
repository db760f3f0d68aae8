package io.ordergate.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is a map: every relative link in it and in docs/ leads to a file that exists and, with
 * an anchor, to a heading that exists (GitHub's anchors: lower case, punctuation dropped, spaces as
 * dashes). A section moved or renamed breaks this test, not the reader.
 */
class DocsLinksTest {

    static final Path ROOT = Paths.get("..");
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    @Test
    void everyLinkLeadsSomewhere() throws IOException {
        var documents = new ArrayList<Path>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        var broken = new ArrayList<String>();
        for (var document : documents) {
            for (var link : LINK.matcher(Files.readString(document))
                    .results()
                    .map(m -> m.group(1))
                    .toList()) {
                if (link.matches("^[a-z]+:.*")) {
                    continue;
                }
                var hash = link.indexOf('#');
                var path = hash < 0 ? link : link.substring(0, hash);
                var target = path.isEmpty()
                        ? document
                        : document.getParent().resolve(path).normalize();
                if (!Files.exists(target)) {
                    broken.add(document.getFileName() + ": " + link + " (no such file)");
                } else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
                    broken.add(document.getFileName() + ": " + link + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("links in README.md and docs/").isEmpty();
    }

    static Set<String> anchors(Path markdown) throws IOException {
        var anchors = new HashSet<String>();
        var fenced = false;
        for (var line : Files.readAllLines(markdown)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            var heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                anchors.add(heading.group(1)
                        .trim()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }
}
