package io.ordergate.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each module's contract (its {@code package-info.java}) says what holds: the list items
 * {@code API:}, {@code Tables:}, {@code Depends on:}, {@code Publishes:} and {@code Observes:} agree
 * with the module's boundary package, its Flyway migrations, its pom, {@link ArchitectureTest#ALLOWED}
 * and the CDI events its classes fire and observe. When a class is renamed or a dependency dropped,
 * the failure names the module and what to change.
 */
class ModuleContractsTest {

    static final Path ROOT = Paths.get("..");
    static final List<String> FIELDS = List.of("API", "Tables", "Depends on", "Publishes", "Observes");
    static final Pattern ITEM =
            Pattern.compile("<li>(API|Tables|Depends on|Publishes|Observes):(.*?)(?=<li>|</ul>)", Pattern.DOTALL);
    static final Pattern LINK = Pattern.compile("\\{@link\\s+([\\w.$]+)\\s*}");
    static final Pattern CODE = Pattern.compile("\\{@code\\s+([\\w.]+)\\s*}");
    static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z]+)_.*\\.sql");
    static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_0-9]+)");
    static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    static final Pattern ORDERGATE_ARTIFACT = Pattern.compile("<artifactId>ordergate-([a-z]+)</artifactId>");

    static JavaClasses classes;
    static Map<String, Map<String, Set<String>>> contracts;

    @BeforeAll
    static void read() throws IOException {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ordergate");
        contracts = new TreeMap<>();
        for (var module : modules()) {
            contracts.put(module, contract(module));
        }
    }

    static Set<String> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("modules"))) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The contract's five items, each as the set of names it lists ({@code none} is the empty set). */
    static Map<String, Set<String>> contract(String module) throws IOException {
        var file = ROOT.resolve("modules/" + module + "/src/main/java/io/ordergate/" + module + "/package-info.java");
        assertThat(file).as("the contract of module " + module).exists();
        var source = Files.readString(file);
        var javadoc = source.substring(source.indexOf("/**") + 3, source.indexOf("*/"));
        var text = Arrays.stream(javadoc.split("\n"))
                .map(line -> line.replaceFirst("^\\s*\\*\\s?", ""))
                .collect(Collectors.joining(" "));
        var items = new LinkedHashMap<String, Set<String>>();
        ITEM.matcher(text).results().forEach(m -> {
            var value = m.group(2).trim();
            Set<String> names;
            if (value.equals("none.") || value.equals("none")) {
                names = Set.of();
            } else if (value.contains("{@link")) {
                names = LINK.matcher(value)
                        .results()
                        .map(r -> r.group(1))
                        .collect(Collectors.toCollection(TreeSet::new));
            } else if (value.contains("{@code")) {
                names = CODE.matcher(value)
                        .results()
                        .map(r -> r.group(1))
                        .collect(Collectors.toCollection(TreeSet::new));
            } else {
                names = Arrays.stream(value.replaceAll("\\.$", "").split(","))
                        .map(String::trim)
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            assertThat(items.put(m.group(1), names))
                    .as(module + ": " + m.group(1) + " appears twice")
                    .isNull();
        });
        assertThat(items.keySet())
                .as(module + "'s package-info needs the list items " + FIELDS
                        + " (e.g. <li>Depends on: platform, audit), each once")
                .containsExactlyInAnyOrderElementsOf(FIELDS);
        return items;
    }

    @Test
    void everyModuleIsInTheArchitectureMap() throws IOException {
        assertThat(ArchitectureTest.ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(modules());
    }

    @Test
    void dependenciesAgreeInContractPomAndArchitectureTest() throws IOException {
        for (var module : modules()) {
            var declared = contracts.get(module).get("Depends on");
            assertThat(declared)
                    .as(module + ": package-info 'Depends on' vs pom.xml")
                    .isEqualTo(pomDependencies(module));
            assertThat(declared)
                    .as(module + ": package-info 'Depends on' vs ArchitectureTest.ALLOWED")
                    .isEqualTo(new TreeSet<>(ArchitectureTest.ALLOWED.get(module)));
        }
    }

    /** The OrderGate modules the pom declares (test-scoped ones left out). */
    static Set<String> pomDependencies(String module) throws IOException {
        var pom = Files.readString(ROOT.resolve("modules/" + module + "/pom.xml"));
        var dependencies = pom.substring(pom.indexOf("<dependencies>"));
        return DEPENDENCY
                .matcher(dependencies)
                .results()
                .map(m -> m.group(1))
                .filter(d -> d.contains("<groupId>io.ordergate</groupId>") && !d.contains("<scope>test</scope>"))
                .flatMap(d -> ORDERGATE_ARTIFACT.matcher(d).results().map(r -> r.group(1)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void tablesAreThoseTheModulesMigrationsCreate() throws IOException {
        var created = new TreeMap<String, Set<String>>();
        try (Stream<Path> files = Files.list(ROOT.resolve("db/migrations"))) {
            for (var file : files.sorted().toList()) {
                var name = file.getFileName().toString();
                var matcher = MIGRATION.matcher(name);
                assertThat(matcher.matches())
                        .as(name + " is named V<n>__<module>_<what>.sql")
                        .isTrue();
                var tables = CREATE_TABLE
                        .matcher(Files.readString(file))
                        .results()
                        .map(m -> m.group(1))
                        .toList();
                if (!tables.isEmpty()) {
                    assertThat(modules())
                            .as(name + " creates tables, so its name must start with the module that owns " + "them")
                            .contains(matcher.group(1));
                    created.computeIfAbsent(matcher.group(1), m -> new TreeSet<>())
                            .addAll(tables);
                }
            }
        }
        for (var module : modules()) {
            assertThat(contracts.get(module).get("Tables"))
                    .as(module + ": package-info 'Tables' vs the tables its " + "migrations (db/migrations/V*__"
                            + module + "_*.sql) create")
                    .isEqualTo(created.getOrDefault(module, Set.of()));
        }
    }

    @Test
    void theApiIsExactlyThePublicTypesOfTheBoundary() throws IOException {
        for (var module : modules()) {
            var boundary = "io.ordergate." + module + ".boundary";
            var publicTypes = classes.stream()
                    .filter(c -> c.getPackageName().equals(boundary)
                            && c.isTopLevelClass()
                            && c.getModifiers().contains(JavaModifier.PUBLIC)
                            && !c.getSimpleName().equals("package-info"))
                    .map(JavaClass::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(contracts.get(module).get("API"))
                    .as(module + ": package-info 'API' ({@link " + boundary
                            + ".X} for every public top-level type of the boundary package)")
                    .isEqualTo(publicTypes);
        }
    }

    @Test
    void eventsAreThoseTheModuleFiresAndObserves() throws IOException {
        for (var module : modules()) {
            var own = classes.stream()
                    .filter(c -> module.equals(ArchitectureTest.module(c.getName())))
                    .toList();
            var fired = own.stream()
                    .flatMap(c -> c.getFields().stream())
                    .filter(f ->
                            f.getRawType().isEquivalentTo(Event.class) && f.getType() instanceof JavaParameterizedType)
                    .map(f -> ((JavaParameterizedType) f.getType())
                            .getActualTypeArguments()
                            .get(0)
                            .toErasure()
                            .getName())
                    .filter(type -> type.startsWith("io.ordergate."))
                    .collect(Collectors.toCollection(TreeSet::new));
            var observed = own.stream()
                    .flatMap(c -> c.getMethods().stream())
                    .flatMap(m -> m.getParameters().stream())
                    .filter(p -> p.isAnnotatedWith(Observes.class) || p.isAnnotatedWith(ObservesAsync.class))
                    .map(p -> p.getRawType().getName())
                    .filter(type -> type.startsWith("io.ordergate."))
                    .collect(Collectors.toCollection(TreeSet::new));
            var publishes = contracts.get(module).get("Publishes");
            assertThat(publishes)
                    .as(module + ": package-info 'Publishes' vs the Event<X> it fires")
                    .isEqualTo(fired);
            assertThat(publishes)
                    .as(module + ": a published event is a record of the module's own boundary")
                    .allMatch(type -> type.startsWith("io.ordergate." + module + ".boundary."));
            assertThat(contracts.get(module).get("Observes"))
                    .as(module + ": package-info 'Observes' vs its @Observes " + "methods")
                    .isEqualTo(observed);
        }
    }
}
