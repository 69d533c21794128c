package com.cti.processor.rebuild;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.log.LogAccessor;

/**
 * The command-line rebuild: {@code java -jar processor-service-exec.jar rebuild} starts
 * the processor without consuming and without a web server, rebuilds every projection and
 * exits (status 0 on success). Needs the same settings as the service.
 */
public final class RebuildCommand {

	/** The first argument that selects the command. */
	public static final String NAME = "rebuild";

	private static final LogAccessor logger = new LogAccessor(RebuildCommand.class);

	private RebuildCommand() {
	}

	public static boolean isRequested(String... args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	/**
	 * Runs the rebuild in a context of the given application class.
	 * @return the report
	 */
	public static RebuildReport run(Class<?> application, String... args) {
		List<String> arguments = new ArrayList<>(Arrays.asList(args).subList(isRequested(args) ? 1 : 0, args.length));
		arguments.add("--cti.processor.consume=false");
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(arguments.toArray(String[]::new))) {
			return context.getBean(ProjectionRebuild.class).rebuild();
		}
	}

	/** Runs the rebuild and returns the process exit status. */
	public static int execute(Class<?> application, String... args) {
		try {
			RebuildReport report = run(application, args);
			logger.info(() -> "Rebuild done: " + report);
			return 0;
		}
		catch (RuntimeException ex) {
			logger.error(ex, "Rebuild failed");
			return 1;
		}
	}

}
