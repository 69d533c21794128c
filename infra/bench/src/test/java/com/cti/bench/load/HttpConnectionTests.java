package com.cti.bench.load;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpConnectionTests {

	@Test
	void readsABodyByContentLength() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhelloNEXT");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.bodyText()).isEqualTo("hello");
		assertThat(response.header("x-a")).isEqualTo("b");
	}

	@Test
	void readsAChunkedBody() throws IOException {
		HttpResponse response = read("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "4\r\n{\"a\"\r\n3;ext=1\r\n:1}\r\n0\r\n\r\n");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.isSuccess()).isFalse();
		assertThat(response.bodyText()).isEqualTo("{\"a\":1}");
	}

	@Test
	void aResponseWithoutLengthEndsTheConnection() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK\r\n\r\nuntil the end");
		assertThat(response.bodyText()).isEqualTo("until the end");
		assertThat(response.header("connection")).isEqualTo("close");
	}

	@Test
	void aClosedConnectionIsNotAResponse() {
		assertThatExceptionOfType(EOFException.class).isThrownBy(() -> read(""));
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort"));
	}

	@Test
	void sendsOverKeepAliveAndReconnectsWhenTheServerClosed() throws Exception {
		try (ServerSocket server = new ServerSocket(0)) {
			Thread serverThread = new Thread(() -> serve(server));
			serverThread.start();
			try (var connection = new HttpConnection("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5))) {
				byte[] request = HttpRequests.post("127.0.0.1:" + server.getLocalPort(), "/x", Map.of("A", "1"),
						"text/plain", "body".getBytes(StandardCharsets.UTF_8));
				assertThat(connection.exchange(request).bodyText()).isEqualTo("1");
				assertThat(connection.exchange(request).bodyText()).isEqualTo("2");
				// the server closed after its second answer: the third request goes on a
				// new connection
				assertThat(connection.exchange(request).bodyText()).isEqualTo("3");
				assertThat(connection.connects()).isEqualTo(2);
			}
			serverThread.join(5000);
		}
	}

	private static void serve(ServerSocket server) {
		int answered = 0;
		try {
			for (int connection = 0; connection < 2; connection++) {
				try (Socket socket = server.accept()) {
					InputStream in = socket.getInputStream();
					OutputStream out = socket.getOutputStream();
					for (int i = 0; i < 2 && answered < 3; i++) {
						readRequest(in);
						answered++;
						out.write(("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + answered)
							.getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void readRequest(InputStream in) throws IOException {
		var head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			head.append((char) in.read());
		}
		assertThat(head).startsWith("POST /x HTTP/1.1\r\n").contains("A: 1\r\n").contains("Content-Length: 4\r\n");
		assertThat(new String(in.readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("body");
	}

	private static HttpResponse read(String text) throws IOException {
		return HttpConnection.readResponse(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
	}

}
