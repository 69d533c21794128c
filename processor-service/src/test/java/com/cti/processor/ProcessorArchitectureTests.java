package com.cti.processor;

import java.nio.file.Path;

import com.cti.fixtures.Ownership;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules of the processor that a machine can check.
 */
class ProcessorArchitectureTests {

	private static final JavaClasses processor = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.cti.processor");

	/**
	 * Its SQL writes only the tables its migrations create, it sends only to the topics
	 * it produces, and none of its tables has a foreign key to another owner's.
	 */
	@Test
	void writesOnlyWhatItOwns() {
		assertThat(Ownership.breaches(Path.of(""))).isEmpty();
	}

	@Test
	void packagesByFeatureNotByLayer() {
		noClasses().should()
			.resideInAnyPackage("..controllers..", "..services..", "..repositories..", "..util..", "..common..")
			.check(processor);
	}

	@Test
	void theMergeKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("com.cti.processor.merge..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.cti.processor.calls..", "com.cti.processor.messages..",
					"com.cti.processor.voicemails..", "com.cti.processor.events..", "com.cti.processor.changes..",
					"com.cti.processor.rebuild..")
			.check(processor);
	}

	@Test
	void talksToOtherServicesOnlyThroughTheSharedModel() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.cti.ingest..", "com.cti.query..", "com.cti.admin..")
			.check(processor);
	}

	@Test
	void namesClassesByRole() {
		methods().that()
			.areAnnotatedWith(KafkaListener.class)
			.should()
			.beDeclaredInClassesThat()
			.haveSimpleNameEndingWith("Listener")
			.check(processor);
		classes().that()
			.areAnnotatedWith(Repository.class)
			.should()
			.haveSimpleNameEndingWith("Repository")
			.check(processor);
		noClasses().should().beAnnotatedWith(RestController.class).check(processor);
	}

}
