package com.cti.admin.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cti.admin.AdminApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second admin service, started by a test next to its test context: same database,
 * settings of its own (another Kafka, another relay interval, its own clock), as another
 * instance of a deployment would be. Closing it stops it.
 */
public final class AdminInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private AdminInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts an instance on a free port with the test database and secret, the given
	 * properties and clock.
	 */
	public static AdminInstance start(Map<String, String> properties, Clock clock) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--cti.required-settings=",
				"--cti.admin.internal-api-secret=" + AdminApi.SECRET,
				"--spring.datasource.url=" + AdminTestDatabase.url(), "--spring.datasource.username=postgres",
				"--spring.datasource.password="));
		properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AdminApplication.class)
			.initializers((initialized) -> initialized.getBeanFactory().registerSingleton("clock", clock))
			.run(arguments.toArray(String[]::new));
		return new AdminInstance(context);
	}

	public AdminApi api() {
		return new AdminApi(Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port")));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
