package com.shucheng.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of shared/STYLE.md: one package per read model, each rebuildable alone, so no
 * read model reaches into another.
 */
@AnalyzeClasses(packages = "com.shucheng.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packages_are_features_not_layers = noClasses()
            .should().resideInAnyPackage("..service..", "..dto..", "..controller..", "..util..", "..impl..");

    @ArchTest
    static final ArchRule read_models_are_independent = slices()
            .matching("com.shucheng.query.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage("com.shucheng.query.system.."));

    @ArchTest
    static final ArchRule the_query_side_never_depends_on_the_command_side = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.shucheng.command..");
}
