package io.ordergate.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md, the defaults file and the code say the same: every default in
 * microprofile-config.properties is in the table with the same value, every key the code reads is
 * in the table, no {@code ordergate.*} key in the table is read by nobody, each environment variable
 * shown is MicroProfile's spelling of its key, and the code itself carries no defaults.
 */
class ConfigurationTableTest {

    static final Path ROOT = Paths.get("..");
    static final Path TABLE = ROOT.resolve("docs/configuration.md");
    static final Path DEFAULTS = Paths.get("src/main/resources/META-INF/microprofile-config.properties");
    static final String HEADER = "| key | environment variable | default | meaning |";

    /** A key another key's default refers to ({@code ${key:fallback}}): read through that one. */
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)");

    static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\s*\\(\\s*name\\s*=\\s*(?:\"([^\"]+)\"|([A-Z_][A-Z_0-9]*))\\s*(,\\s*defaultValue\\s*=\\s*\"[^\"]*\")?");
    static final Pattern CONFIG_LOOKUP = Pattern.compile("\\.get(?:Optional)?Value\\(\\s*\"([^\"]+)\"");
    static final Pattern CELL_SPLIT = Pattern.compile("(?<!\\\\)\\|");
    static final Pattern BACKTICKED = Pattern.compile("^`([^`]*)`");

    record Row(String key, String variable, String defaultCell) {}

    static Map<String, Row> table;
    static Properties defaults;
    static Set<String> readInCode;
    static Set<String> defaultsInCode;

    @BeforeAll
    static void read() throws IOException {
        table = table();
        defaults = new Properties();
        defaults.load(new StringReader(Files.readString(DEFAULTS)));
        readInCode = new TreeSet<>();
        defaultsInCode = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("modules"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")
                            && f.toString().replace('\\', '/').contains("/src/main/java/"))
                    .toList()) {
                var source = Files.readString(file);
                var property = CONFIG_PROPERTY.matcher(source);
                while (property.find()) {
                    var key = property.group(1) != null ? property.group(1) : constant(source, property.group(2), file);
                    readInCode.add(key);
                    if (property.group(3) != null) {
                        defaultsInCode.add(key);
                    }
                }
                CONFIG_LOOKUP.matcher(source).results().map(m -> m.group(1)).forEach(readInCode::add);
            }
        }
        defaults.stringPropertyNames()
                .forEach(key -> EXPRESSION
                        .matcher(defaults.getProperty(key))
                        .results()
                        .map(m -> m.group(1))
                        .forEach(readInCode::add));
        assertThat(readInCode).as("keys found in the code").isNotEmpty();
    }

    static String constant(String source, String name, Path file) {
        Matcher m = Pattern.compile("static\\s+final\\s+String\\s+" + name + "\\s*=\\s*\"([^\"]+)\"")
                .matcher(source);
        assertThat(m.find())
                .as(file + ": the constant " + name + " naming a configuration key")
                .isTrue();
        return m.group(1);
    }

    /** The configuration table: the first Markdown table under {@link #HEADER}, by key. */
    static Map<String, Row> table() throws IOException {
        var lines = Files.readAllLines(TABLE);
        int start = lines.indexOf(HEADER);
        assertThat(start).as(TABLE + " has a table headed " + HEADER).isNotNegative();
        var rows = new TreeMap<String, Row>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            var cells = CELL_SPLIT.split(lines.get(i));
            assertThat(cells).as("row " + lines.get(i)).hasSizeGreaterThanOrEqualTo(5);
            var key = unquote(cells[1], lines.get(i));
            var row = new Row(key, unquote(cells[2], lines.get(i)), cells[3].trim());
            assertThat(rows.put(key, row)).as(key + " is in the table once").isNull();
        }
        return rows;
    }

    static String unquote(String cell, String line) {
        var m = BACKTICKED.matcher(cell.trim());
        assertThat(m.find()).as("a `quoted` key or variable in: " + line).isTrue();
        return m.group(1);
    }

    /** How MicroProfile Config finds a key in the environment: non-alphanumerics become {@code _}, upper case. */
    static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    @Test
    void everyDefaultIsInTheTableWithTheSameValue() {
        for (var key : defaults.stringPropertyNames()) {
            assertThat(table).as("docs/configuration.md lists " + key).containsKey(key);
            var m = BACKTICKED.matcher(table.get(key).defaultCell());
            assertThat(m.find() ? m.group(1) : null)
                    .as("the default of " + key + " in docs/configuration.md")
                    .isEqualTo(defaults.getProperty(key));
        }
    }

    @Test
    void aKeyWithoutADefaultSaysNone() {
        table.values().stream()
                .filter(row -> !defaults.containsKey(row.key()))
                .forEach(row -> assertThat(row.defaultCell())
                        .as(row.key() + " has no default in the properties file")
                        .startsWith("none"));
    }

    @Test
    void everyKeyTheCodeReadsIsInTheTable() {
        assertThat(table.keySet())
                .as("docs/configuration.md lists every key read in modules/*/src/main/java")
                .containsAll(readInCode);
    }

    @Test
    void nothingInTheTableIsReadByNobody() {
        var unread = table.keySet().stream()
                .filter(key -> key.startsWith("ordergate.") ? !readInCode.contains(key) : !defaults.containsKey(key))
                .collect(Collectors.toSet());
        assertThat(unread)
                .as("keys in docs/configuration.md that no code reads (ordergate.*) or that are not "
                        + "runtime settings in the properties file (others)")
                .isEmpty();
    }

    @Test
    void theEnvironmentVariableIsMicroProfilesSpellingOfTheKey() {
        table.values()
                .forEach(row -> assertThat(row.variable())
                        .as("the environment variable of " + row.key())
                        .isEqualTo(environmentVariable(row.key())));
    }

    @Test
    void defaultsLiveOnlyInThePropertiesFile() {
        assertThat(defaultsInCode)
                .as("@ConfigProperty(defaultValue = ...) in main code: move the default to " + DEFAULTS)
                .isEmpty();
    }

    @Test
    void secretsHaveNoDefaults() {
        assertThat(defaults.stringPropertyNames())
                .doesNotContain("ordergate.master.key", "ordergate.admin.password", "ordergate.db.password");
    }
}
