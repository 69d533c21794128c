package com.cti.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class SharedModelArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.cti.model");

	@Test
	void dependsOnNoSpringNorJdbc() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
			.check(this.classes);
	}

	@Test
	void onlyTheWireMapperUsesJacksonBeyondItsAnnotations() {
		noClasses().that()
			.doNotHaveSimpleName("WireJson")
			.should()
			.dependOnClassesThat(resideInAPackage("tools.jackson..")
				.and(not(resideInAPackage("tools.jackson.databind.annotation..")))
				.and(not(assignableTo(PropertyNamingStrategy.class))))
			.check(this.classes);
	}

	@Test
	void everyRecordNamesItsFieldsInSnakeCase() {
		classes().that()
			.areAssignableTo(Record.class)
			.should()
			.beAnnotatedWith(JsonNaming.class)
			.because("every record on the wire spells its fields in snake_case, whichever mapper writes it")
			.check(this.classes);
	}

}
