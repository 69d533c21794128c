package com.cti.admin;

import com.cti.admin.dialpad.DialpadClient;
import java.nio.file.Path;

import com.cti.fixtures.Ownership;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the admin service that a machine can check: it calls Dialpad, Kafka and
 * ingest outside database transactions, it sends to Kafka only from publishers, and the
 * house rules of package by feature, names by role and constructor injection.
 */
class AdminArchitectureTests {

	private static final JavaClasses admin = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("com.cti.admin");

	private static final DescribedPredicate<JavaMethod> transactional = DescribedPredicate.describe("transactional",
			(method) -> method.isAnnotatedWith(Transactional.class)
					|| method.getOwner().isAnnotatedWith(Transactional.class));

	/**
	 * Writes only the tables its migrations create and produces only to its own topics
	 * (docs/architecture.md), with no foreign key to another service's table.
	 */
	@Test
	void writesOnlyWhatItOwns() {
		assertThat(Ownership.breaches(Path.of(""))).isEmpty();
	}

	@Test
	void holdsNoTransactionWhileItCallsDialpadOrKafka() {
		methods().that(transactional).should(new ArchCondition<JavaMethod>("call neither Dialpad, Kafka nor ingest") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				method.getMethodCallsFromSelf()
					.stream()
					.filter((call) -> call.getTargetOwner().isAssignableTo(DialpadClient.class)
							|| call.getTargetOwner().isAssignableTo(KafkaTemplate.class)
							|| call.getTargetOwner().isAssignableTo("com.cti.admin.backfill.IngestClient"))
					.forEach((call) -> events.add(SimpleConditionEvent.violated(method, call.getDescription())));
			}
		}).allowEmptyShould(true).check(admin);
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
		noClasses().that()
			.haveSimpleNameNotEndingWith("Publisher")
			.and()
			.resideOutsideOfPackages("com.cti.admin.config..", "com.cti.admin.outbox..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(KafkaTemplate.class)
			.check(admin);
	}

	@Test
	void packagesByFeatureAndNamesByRole() {
		noClasses().should()
			.resideInAnyPackage("..controllers..", "..services..", "..repositories..", "..util..", "..common..")
			.check(admin);
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.haveSimpleNameEndingWith("Controller")
			.check(admin);
		// the audit log is append-only, named for what it is
		classes().that()
			.areAnnotatedWith(Repository.class)
			.should()
			.haveSimpleNameEndingWith("Repository")
			.orShould()
			.haveSimpleName("AuditLog")
			.check(admin);
		noFields().should().beAnnotatedWith(Autowired.class).check(admin);
	}

	@Test
	void featurePackagesAreFreeOfCycles() {
		slices().matching("com.cti.admin.(*)..").should().beFreeOfCycles().check(admin);
	}

}
