package dev.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The architecture of shared/DESIGN.md, checked: Spring Modulith's rules between feature packages
 * (only a feature's top-level API is used by others, no cycles) and ArchUnit rules for what the Maven
 * modules and layers may touch.
 */
class ModuleBoundariesTest {

    static final ImportOption PRODUCTION_JARS = location -> !location.contains("-tests.jar");
    static final ImportOption PRODUCTION_ONLY =
            location -> new ImportOption.DoNotIncludeTests().includes(location) && PRODUCTION_JARS.includes(location);

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                // sibling modules arrive as jars: import them, but not test classes or test-jars
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(PRODUCTION_JARS)
                .importPackages("dev.switchboard");
    }

    @Test
    void feature_packages_respect_spring_modulith_boundaries() {
        // production code only: sibling modules' test-jars are on this test classpath too
        ApplicationModules.of(SwitchboardApplication.class, PRODUCTION_ONLY).verify();
    }

    @Test
    void backend_knows_nothing_of_the_ui_the_workflows_or_vaadin() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.switchboard.org..", "dev.switchboard.identity..", "dev.switchboard.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.switchboard.ui..", "dev.switchboard.temporal..", "com.vaadin..", "io.temporal..")
                .check(classes);
    }

    @Test
    void views_never_touch_repositories_or_jdbc() {
        noClasses()
                .that()
                .resideInAPackage("dev.switchboard.ui..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(classes);
    }

    @Test
    void domain_services_are_free_of_web_and_ui_types() {
        noClasses()
                .that()
                .resideInAPackage("dev.switchboard.org..")
                .and()
                .haveSimpleNameNotEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void plain_libraries_do_not_depend_on_the_platform() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.switchboard.prompts..", "dev.switchboard.connectors..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.switchboard.org..",
                        "dev.switchboard.identity..",
                        "dev.switchboard.platform..",
                        "dev.switchboard.ui..",
                        "dev.switchboard.temporal..",
                        "org.springframework..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
