package jp.tsunagu.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The boundaries a newcomer can rely on (see README "Where things are"): one noun per package under {@code jp.tsunagu},
 * {@code shared} beneath them all, resources over services over repositories. A change that breaks one fails here.
 */
class ArchitectureTest {

    static final String BASE = "jp.tsunagu";
    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /** The feature package a class belongs to ({@code jp.tsunagu.request.X} → {@code request}); null outside the base. */
    static String feature(String base, JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(base + ".")) {
            return null;
        }
        String rest = p.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static boolean isResource(JavaClass c) {
        return c.getSimpleName().endsWith("Resource");
    }

    static boolean isRepository(JavaClass c) {
        return c.getSimpleName().endsWith("Repository");
    }

    static ArchRule resourcesCallServicesNotRepositories() {
        return noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat(describe("a repository, the EntityManager or a JDBC connection",
                        c -> isRepository(c) || c.getName().equals("jakarta.persistence.EntityManager")
                                || c.getPackageName().equals("java.sql") || c.getName().equals("io.agroal.api.AgroalDataSource")))
                .because("a resource does HTTP only: the service is the transaction boundary and holds the rules");
    }

    /**
     * A service holds rules and the transaction; the queries live in a repository or in one named class per query
     * (SupportStatistics, SurveyResponses, LoginThrottle …), so a reader finds the SQL by its name.
     */
    static ArchRule servicesQueryThroughRepositories() {
        return noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat(describe("the EntityManager or a JDBC connection",
                        c -> c.getName().equals("jakarta.persistence.EntityManager") || c.getName().equals("org.hibernate.Session")
                                || c.getPackageName().equals("java.sql") || c.getName().equals("io.agroal.api.AgroalDataSource")))
                .because("queries belong in a repository or a named query class, not among a service's rules");
    }

    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule noFeatureReachesIntoAnotherFeaturesInternals(String base) {
        return classes().that().resideInAPackage(base + "..")
                .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("use only another feature's services, entities and events") {
                    @Override
                    public void check(JavaClass origin, com.tngtech.archunit.lang.ConditionEvents events) {
                        String own = feature(base, origin);
                        if ("demo".equals(own)) {
                            // The demo loader (demo and dev profiles only) seeds every feature's tables as the seeds print them.
                            return;
                        }
                        origin.getDirectDependenciesFromSelf().forEach(d -> {
                            JavaClass target = d.getTargetClass();
                            String other = feature(base, target);
                            if (other != null && own != null && !other.equals(own) && !other.equals("shared")
                                    && (isResource(target) || isRepository(target))) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        });
                    }
                })
                .because("a feature offers its service to the others; its resources and repositories are its own");
    }

    static ArchRule sharedImportsNoFeature(String base) {
        return noClasses().that().resideInAPackage(base + ".shared..")
                .should().dependOnClassesThat(describe("a feature package", c -> {
                    String f = feature(base, c);
                    return f != null && !f.equals("shared");
                }))
                .because("shared lies beneath every feature");
    }

    @Test
    void resourcesCallServicesNotRepositoriesOrTheDatabase() {
        resourcesCallServicesNotRepositories().check(PRODUCTION);
    }

    @Test
    void servicesQueryThroughRepositoriesOrNamedQueryClasses() {
        servicesQueryThroughRepositories().check(PRODUCTION);
    }

    @Test
    void packagesHaveNoCycles() {
        noPackageCycles(BASE).check(PRODUCTION);
    }

    @Test
    void noFeatureUsesAnotherFeaturesResourcesOrRepositories() {
        noFeatureReachesIntoAnotherFeaturesInternals(BASE).check(PRODUCTION);
    }

    @Test
    void sharedDependsOnNoFeature() {
        sharedImportsNoFeature(BASE).check(PRODUCTION);
    }

    /** The rules bite: a small code base in {@code broken/} breaks each of them once. */
    static final String BROKEN = "jp.tsunagu.architecture.broken";
    static final JavaClasses BROKEN_CLASSES = new ClassFileImporter().importPackages(BROKEN);

    @Test
    void eachRuleFailsOnCodeThatBreaksIt() {
        assertThrows(AssertionError.class, () -> resourcesCallServicesNotRepositories().check(BROKEN_CLASSES));
        assertThrows(AssertionError.class, () -> servicesQueryThroughRepositories().check(BROKEN_CLASSES));
        assertThrows(AssertionError.class, () -> noPackageCycles(BROKEN).check(BROKEN_CLASSES));
        assertThrows(AssertionError.class, () -> noFeatureReachesIntoAnotherFeaturesInternals(BROKEN).check(BROKEN_CLASSES));
        assertThrows(AssertionError.class, () -> sharedImportsNoFeature(BROKEN).check(BROKEN_CLASSES));
    }
}
