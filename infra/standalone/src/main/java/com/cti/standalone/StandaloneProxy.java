package com.cti.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee11.proxy.ProxyServlet;
import org.eclipse.jetty.util.Callback;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/**
 * Every public path of the four services on one port, as the nginx gateway of
 * {@code docker-compose.yml} routes them: {@code /webhooks} to ingest, {@code /api} and
 * the OpenAPI document to query, {@code /internal} and {@code /oauth} to admin. Jetty's
 * {@link ProxyServlet} forwards each request with its body and headers and streams the
 * answer back as it comes (the {@code /api/stream} events one by one); it replaces any
 * {@code X-Forwarded-For} with the client's address. {@code GET /health} is healthy while
 * all four services are.
 */
final class StandaloneProxy implements AutoCloseable {

	private final WebServer server;

	private StandaloneProxy(WebServer server) {
		this.server = server;
	}

	/**
	 * Starts the proxy.
	 * @param port its port (0: any)
	 * @param services the port of each service on 127.0.0.1
	 */
	static StandaloneProxy start(int port, Map<StandaloneService, Integer> services) {
		var factory = new TomcatServletWebServerFactory(port);
		WebServer server = factory.getWebServer((context) -> {
			ServletRegistration.Dynamic proxy = context.addServlet("proxy", new RoutingProxyServlet(services));
			proxy.setAsyncSupported(true);
			// no total timeout: a stream stays open for as long as the client keeps it
			proxy.setInitParameter("timeout", "0");
			proxy.setInitParameter("idleTimeout", "120000");
			proxy.setInitParameter("maxThreads", "32");
			proxy.setInitParameter("preserveHost", "true");
			proxy.addMapping("/*");
			context.addServlet("health", new HealthServlet(services.values())).addMapping("/health");
		});
		server.start();
		return new StandaloneProxy(server);
	}

	int port() {
		return this.server.getPort();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static final class RoutingProxyServlet extends ProxyServlet {

		private final Map<StandaloneService, Integer> services;

		RoutingProxyServlet(Map<StandaloneService, Integer> services) {
			this.services = services;
		}

		@Override
		protected String rewriteTarget(HttpServletRequest request) {
			String path = request.getRequestURI();
			String query = request.getQueryString();
			return "http://127.0.0.1:" + this.services.get(serviceOf(path)) + path
					+ ((query != null) ? "?" + query : "");
		}

		private static StandaloneService serviceOf(String path) {
			if (path.startsWith("/webhooks/")) {
				return StandaloneService.INGEST;
			}
			// all of /internal to the admin: ingest's internal intake
			// (/internal/intake/...) is reached only on ingest's loopback port
			if (path.startsWith("/internal/") || path.equals("/internal") || path.startsWith("/oauth/")) {
				return StandaloneService.ADMIN;
			}
			// /api, the OpenAPI document and Swagger UI; anything else gets the query
			// service's 404 problem
			return StandaloneService.QUERY;
		}

		@Override
		protected void addProxyHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
			super.addProxyHeaders(clientRequest, proxyRequest);
			// the proxy is the edge: what a client claims about its address is dropped
			proxyRequest.headers((headers) -> headers.put("X-Forwarded-For", clientRequest.getRemoteAddr())
				.put("X-Forwarded-Proto", clientRequest.getScheme()));
		}

		@Override
		protected void onResponseContent(HttpServletRequest request, HttpServletResponse response,
				Response proxyResponse, byte[] buffer, int offset, int length, Callback callback) {
			try {
				response.getOutputStream().write(buffer, offset, length);
				// each chunk as it comes: a server-sent event must not wait in a buffer
				response.flushBuffer();
				callback.succeeded();
			}
			catch (Throwable ex) {
				callback.failed(ex);
			}
		}

	}

	/** {@code {"status":"healthy"}} while every service's {@code /health} is. */
	private static final class HealthServlet extends HttpServlet {

		private final Collection<Integer> ports;

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		HealthServlet(Collection<Integer> ports) {
			this.ports = ports;
		}

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			boolean healthy = this.ports.stream().allMatch(this::healthy);
			response.setStatus(healthy ? 200 : 503);
			response.setContentType("application/json");
			response.getOutputStream()
				.write(("{\"status\":\"" + (healthy ? "healthy" : "unhealthy") + "\"}")
					.getBytes(StandardCharsets.UTF_8));
		}

		private boolean healthy(int port) {
			var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
				.timeout(Duration.ofSeconds(5))
				.build();
			try {
				return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
