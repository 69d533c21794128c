package com.cti.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the ingest service that a machine can check: it never touches a database
 * (it must keep accepting webhooks while PostgreSQL is down), its feature packages do not
 * depend on each other in a cycle, and injection goes through constructors.
 */
@AnalyzeClasses(packages = "com.cti.ingest",
		importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class IngestArchitectureTests {

	@ArchTest
	static final ArchRule usesNoDatabase = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.flywaydb..");

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.cti.ingest.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule noFieldInjection = noFields().should()
		.beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired");

}
