package com.cti.admin;

import java.nio.file.Path;

import com.cti.admin.dialpad.DialpadClient;
import com.cti.fixtures.Ownership;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the admin service that a machine can check: it writes only its own tables
 * and topics, it calls Dialpad and Kafka outside database transactions, and the house
 * rules of package by feature, names by role and constructor injection.
 */
class AdminArchitectureTests {

	private static final JavaClasses admin = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("com.cti.admin");

	private static final DescribedPredicate<JavaMethod> transactional = DescribedPredicate.describe("transactional",
			(method) -> method.isAnnotatedWith(Transactional.class)
					|| method.getOwner().isAnnotatedWith(Transactional.class));

	@Test
	void writesOnlyItsOwnTablesAndTopics() {
		assertThat(Ownership.breaches(Path.of(""))).isEmpty();
	}

	@Test
	void holdsNoTransactionWhileItCallsDialpadOrKafka() {
		noMethods().that(transactional)
			.should()
			.callMethodWhere(target(owner(assignableTo(DialpadClient.class))))
			.orShould()
			.callMethodWhere(target(owner(assignableTo(KafkaTemplate.class))))
			.check(admin);
	}

	@Test
	void talksToOtherServicesOnlyThroughTheSharedModel() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.cti.ingest..", "com.cti.processor..", "com.cti.query..")
			.check(admin);
	}

	@Test
	void sendsToKafkaOnlyFromPublishers() {
		classes().that()
			.dependOnClassesThat()
			.areAssignableTo(KafkaTemplate.class)
			.should()
			.haveSimpleNameEndingWith("Publisher")
			.orShould()
			.resideInAPackage("com.cti.admin.config..")
			.check(admin);
	}

	@Test
	void packagesByFeatureAndNamesByRole() {
		noClasses().should()
			.resideInAnyPackage("..controllers..", "..services..", "..repositories..", "..util..", "..common..")
			.check(admin);
		classes().that().areAnnotatedWith(RestController.class).should().haveSimpleNameEndingWith("Controller").check(admin);
		classes().that().areAnnotatedWith(Repository.class).should().haveSimpleNameEndingWith("Repository").check(admin);
		noFields().should().beAnnotatedWith(Autowired.class).check(admin);
	}

	@Test
	void featurePackagesAreFreeOfCycles() {
		slices().matching("com.cti.admin.(*)..").should().beFreeOfCycles().check(admin);
	}

}
