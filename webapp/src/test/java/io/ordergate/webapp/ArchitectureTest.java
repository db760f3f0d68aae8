package io.ordergate.webapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.NormalScope;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.MappedSuperclass;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of shared/ARCHITECTURE.md, checked on the classes that go into the WAR: a
 * module's API is its {@code boundary} package, dependencies point one way, resources live in
 * boundaries, the console never touches JPA and declares who may open each view, and
 * persistence.xml lists every entity.
 */
class ArchitectureTest {

    /**
     * Which modules each module may use; anything else is a violation (a back-edge or a cycle). Exactly
     * the {@code ordergate-*} dependencies each module's pom declares and its package-info names
     * ({@link ModuleContractsTest} checks that the three agree): a module may not use what only
     * arrives transitively.
     */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "platform",
            Set.of(),
            "audit",
            Set.of("platform"),
            "credentials",
            Set.of("platform", "audit"),
            "idempotency",
            Set.of("platform"),
            "jobs",
            Set.of("platform", "audit"),
            "stock",
            Set.of("platform", "audit"),
            "scayle",
            Set.of("platform", "audit", "credentials", "idempotency", "stock"),
            "scalepoint",
            Set.of("platform", "audit", "credentials", "jobs", "stock"),
            "fulfilment",
            Set.of("platform", "audit", "credentials", "idempotency", "jobs", "stock", "scayle", "scalepoint"),
            "console",
            Set.of("platform", "audit", "credentials", "jobs", "stock", "scayle", "scalepoint", "fulfilment"));

    static final Pattern MODULE = Pattern.compile("io\\.ordergate\\.([a-z]+)(\\..*)?");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ordergate");
        assertThat(classes).as("module classes on the classpath").isNotEmpty();
    }

    /** The production classes that call {@code owner.method}. */
    static Set<String> callers(String owner, String method) {
        return classes.stream()
                .filter(c -> c.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTarget().getOwner().getName().equals(owner)
                                && call.getName().equals(method)))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
    }

    static String module(String className) {
        var matcher = MODULE.matcher(className);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * Secrets and their hashes are compared in constant time: the keyed hashes of generated secrets
     * with {@code MessageDigest.isEqual} ({@code SecretHasher}), staff passwords by the PBKDF2
     * implementation, token signatures by nimbus-jose-jwt. {@code Arrays.equals} returns at the first
     * differing byte, so it is not used on byte arrays anywhere; the credential checks go through
     * {@code SecretHasher.matches}, which compares even for an unknown user (against a dummy hash),
     * so neither the secret nor the existence of a user shows in the time an answer takes.
     */
    @Test
    void secretsAreComparedInConstantTime() {
        noClasses()
                .should()
                .callMethod(java.util.Arrays.class, "equals", byte[].class, byte[].class)
                .because("Arrays.equals stops at the first difference; use MessageDigest.isEqual")
                .check(classes);
        assertThat(callers("java.security.MessageDigest", "isEqual"))
                .contains("io.ordergate.credentials.control.SecretHasher");
        assertThat(callers("io.ordergate.credentials.control.SecretHasher", "matches"))
                .contains(
                        "io.ordergate.credentials.boundary.ScayleMerchantCredentials",
                        "io.ordergate.credentials.boundary.WebhookClients");
    }

    @Test
    void modulesUseOnlyTheBoundaryOfOtherModules() {
        noClasses()
                .should(new ArchCondition<JavaClass>("access another module's control or entity package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        var own = module(origin.getName());
                        origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                            var target = dependency.getTargetClass();
                            var other = module(target.getName());
                            var internal = target.getPackageName()
                                    .matches("io\\.ordergate\\.[a-z]+\\.(control|entity)(\\..*)?");
                            if (other != null && !other.equals(own) && internal) {
                                events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                            }
                        });
                    }
                })
                .check(classes);
    }

    @Test
    void dependenciesPointOneWay() {
        classes()
                .should(new ArchCondition<JavaClass>("depend only on the modules declared for them") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        var own = module(origin.getName());
                        var allowed = ALLOWED.get(own);
                        if (allowed == null) {
                            events.add(
                                    SimpleConditionEvent.violated(origin, origin.getName() + " is in no known module"));
                            return;
                        }
                        origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                            var other = module(dependency.getTargetClass().getName());
                            if (other != null && !other.equals(own) && !allowed.contains(other)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        });
                    }
                })
                .check(classes);
    }

    /**
     * Inside a module, {@code control} never calls back into its own {@code boundary} facades and
     * resources: the facade is the front door and calls control, not the other way round. What
     * control may use of its own boundary is the module's vocabulary: records, enums, events,
     * exceptions, interfaces such as {@code JobHandler}, and static helpers; a facade or resource is
     * a boundary class that is a bean or an entry point (an EJB, a CDI bean with a scope, a JAX-RS
     * resource or provider, a servlet component).
     */
    @Test
    void controlNeverCallsItsOwnModulesFacades() {
        var found = new TreeSet<String>();
        classes.stream()
                .filter(c -> c.getPackageName().matches("io\\.ordergate\\.[a-z]+\\.control(\\..*)?"))
                .forEach(origin -> origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    var target = dependency.getTargetClass();
                    var ownBoundary = "io.ordergate." + module(origin.getName()) + ".boundary";
                    var inOwnBoundary = target.getPackageName().equals(ownBoundary)
                            || target.getPackageName().startsWith(ownBoundary + ".");
                    if (inOwnBoundary && isFacadeOrResource(target)) {
                        found.add(outermost(origin).getName() + " -> " + target.getName());
                    }
                }));

        assertThat(found)
                .as("control calls its own module's boundary facades or resources (move the logic into "
                        + "control and let the facade call it)")
                .isEmpty();
    }

    static final Set<String> BEAN_ANNOTATIONS = Set.of(
            "jakarta.ejb.Stateless",
            "jakarta.ejb.Singleton",
            "jakarta.ejb.Stateful",
            "jakarta.ejb.MessageDriven",
            "jakarta.ws.rs.Path",
            "jakarta.ws.rs.ext.Provider",
            "jakarta.servlet.annotation.WebFilter",
            "jakarta.servlet.annotation.WebServlet",
            "jakarta.servlet.annotation.WebListener");

    static boolean isFacadeOrResource(JavaClass type) {
        return type.getAnnotations().stream()
                .map(a -> a.getRawType())
                .anyMatch(annotation -> BEAN_ANNOTATIONS.contains(annotation.getName())
                        || annotation.isAnnotatedWith(NormalScope.class)
                        || annotation.isAnnotatedWith(jakarta.inject.Scope.class));
    }

    static JavaClass outermost(JavaClass type) {
        var current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    @Test
    void modulesFormNoCycles() {
        slices().matching("io.ordergate.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void resourcesLiveInBoundaries() {
        classes()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .resideInAPackage("..boundary..")
                .check(classes);
    }

    /** Native SQL lives in control, read by column name; a facade asks control for it (house style 5). */
    @Test
    void nativeSqlStaysInControl() {
        noClasses()
                .that()
                .resideInAPackage("..boundary..")
                .should()
                .callMethod(EntityManager.class, "createNativeQuery", String.class)
                .orShould()
                .callMethod(EntityManager.class, "createNativeQuery", String.class, Class.class)
                .orShould()
                .callMethod(EntityManager.class, "createNativeQuery", String.class, String.class)
                .check(classes);
    }

    @Test
    void theConsoleNeverTouchesPersistence() {
        noClasses()
                .that()
                .resideInAPackage("io.ordergate.console..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.persistence..")
                .check(classes);
    }

    /** The console's access check refuses views that say nothing; this catches them before a user does. */
    @Test
    void everyConsoleRouteSaysWhoMayOpenIt() {
        classes()
                .that()
                .resideInAPackage("io.ordergate.console..")
                .and()
                .areAnnotatedWith(Route.class)
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .orShould()
                .beAnnotatedWith(AnonymousAllowed.class)
                .check(classes);
    }

    @Test
    void persistenceXmlListsEveryEntityAndConverter() throws IOException {
        var xml = Files.readString(Paths.get("src/main/resources/META-INF/persistence.xml"));
        var listed = Pattern.compile("<class>([^<]+)</class>")
                .matcher(xml)
                .results()
                .map(m -> m.group(1).trim())
                .collect(Collectors.toSet());
        var mapped = classes.stream()
                .filter(c -> c.isAnnotatedWith(Entity.class)
                        || c.isAnnotatedWith(MappedSuperclass.class)
                        || c.isAnnotatedWith(Converter.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(mapped).isNotEmpty();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void theWarHasNoCodeOfItsOwn() throws IOException {
        var sources = Paths.get("src/main/java");
        if (!Files.exists(sources)) {
            return;
        }
        try (Stream<java.nio.file.Path> files = Files.walk(sources)) {
            assertThat(files.filter(p -> p.toString().endsWith(".java"))).isEmpty();
        }
    }

    @Test
    void entitiesStayInEntityPackages() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage("..entity..")
                .check(classes);
    }

    /**
     * Every facade denies by default: an EJB in a boundary says at class level who may call it
     * ({@code @DenyAll}, {@code @RolesAllowed} or, for the machinery that partners and jobs drive,
     * {@code @PermitAll}), and under {@code @DenyAll} each public method says so itself. A method
     * added without a thought is then closed to everybody (and fails its first test), never open.
     */
    @Test
    void everyFacadeDeniesByDefault() {
        classes()
                .that()
                .resideInAPackage("..boundary..")
                .and()
                .areAnnotatedWith(Stateless.class)
                .should(
                        new ArchCondition<>("declare at class level who may call it, and under @DenyAll on each "
                                + "public method") {
                            @Override
                            public void check(JavaClass facade, ConditionEvents events) {
                                if (!facade.isAnnotatedWith(DenyAll.class)
                                        && !facade.isAnnotatedWith(RolesAllowed.class)
                                        && !facade.isAnnotatedWith(PermitAll.class)) {
                                    events.add(SimpleConditionEvent.violated(
                                            facade,
                                            facade.getName()
                                                    + " has no class-level @DenyAll, @RolesAllowed or @PermitAll"));
                                    return;
                                }
                                if (!facade.isAnnotatedWith(DenyAll.class)) {
                                    return;
                                }
                                facade.getMethods().stream()
                                        .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC)
                                                && !m.getModifiers().contains(JavaModifier.STATIC))
                                        .filter(m -> !m.isAnnotatedWith(RolesAllowed.class)
                                                && !m.isAnnotatedWith(PermitAll.class))
                                        .forEach(
                                                m -> events.add(
                                                        SimpleConditionEvent.violated(
                                                                m,
                                                                m.getFullName()
                                                                        + " is public under @DenyAll without @RolesAllowed or @PermitAll")));
                            }
                        })
                .check(classes);
    }
}
