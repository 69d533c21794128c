package com.cti.query;

import java.nio.file.Path;

import com.cti.fixtures.Ownership;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the query service that a machine can check.
 */
class QueryArchitectureTests {

	private static final String[] FEATURES = { "com.cti.query.calls..", "com.cti.query.conversations..",
			"com.cti.query.messages..", "com.cti.query.voicemails..", "com.cti.query.stream.." };

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("com.cti.query");

	/**
	 * Its SQL writes only its own table (the rest it reads as a read model), and its
	 * table has no foreign key to another owner's.
	 */
	@Test
	void writesOnlyWhatItOwns() {
		assertThat(Ownership.breaches(Path.of(""))).isEmpty();
	}

	/**
	 * Boot's one {@code JdbcClient}, whose {@code JdbcTemplate} has the statement timeout
	 * ({@code spring.jdbc.template.query-timeout}): nobody makes a template of their own.
	 */
	@Test
	void runsEverySqlStatementThroughBootsJdbcClient() {
		noClasses().should().dependOnClassesThat().areAssignableTo(JdbcTemplate.class).check(this.classes);
	}

	@Test
	void keepsSqlOutOfControllers() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.check(this.classes);
	}

	/**
	 * Handlers get bound request records and the {@code CallerApp}; only the API key
	 * filter (and the known-parameters check) look at the servlet request.
	 */
	@Test
	void keepsTheServletApiOutOfFeatures() {
		noClasses().that()
			.resideInAnyPackage(FEATURES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..")
			.check(this.classes);
	}

	@Test
	void packagesByFeature() {
		noClasses().should()
			.resideInAnyPackage("..controllers..", "..services..", "..repositories..")
			.check(this.classes);
	}

}
