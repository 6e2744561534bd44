package com.shucheng.command.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/** The package rules of shared/STYLE.md, kept true by the build. */
@AnalyzeClasses(packages = "com.shucheng.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packages_are_features_not_layers = noClasses()
            .should().resideInAnyPackage("..service..", "..dto..", "..controller..", "..util..", "..impl..");

    @ArchTest
    static final ArchRule features_do_not_reach_into_each_other = slices()
            .matching("com.shucheng.command.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage("com.shucheng.command.system.."))
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_command_side_never_depends_on_the_query_side = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.shucheng.query..");

    @ArchTest
    static final ArchRule aggregates_know_nothing_of_http_or_read_models = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "org.springframework.jdbc..", "jakarta.servlet..");
}
