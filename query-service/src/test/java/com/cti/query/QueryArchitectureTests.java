package com.cti.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of the query service that a machine can check.
 */
class QueryArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("com.cti.query");

	@Test
	void runsEverySqlStatementThroughTheDatabaseWithTheStatementTimeout() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("com.cti.query.api.QueryDatabase")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(JdbcTemplate.class)
			.check(this.classes);
	}

	@Test
	void keepsSqlOutOfControllers() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.haveSimpleName("QueryDatabase")
			.check(this.classes);
	}

	@Test
	void packagesByFeature() {
		noClasses().should()
			.resideInAnyPackage("..controllers..", "..services..", "..repositories..")
			.check(this.classes);
	}

}
