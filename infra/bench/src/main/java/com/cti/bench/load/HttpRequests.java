package com.cti.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builds the bytes of HTTP/1.1 requests for {@link HttpConnection}.
 */
public final class HttpRequests {

	private HttpRequests() {
	}

	public static byte[] get(String hostAndPort, String path, Map<String, String> headers) {
		return build("GET", hostAndPort, path, headers, null, null);
	}

	public static byte[] post(String hostAndPort, String path, Map<String, String> headers, String contentType,
			byte[] body) {
		return build("POST", hostAndPort, path, headers, contentType, body);
	}

	private static byte[] build(String method, String hostAndPort, String path, Map<String, String> headers,
			@Nullable String contentType, byte @Nullable [] body) {
		var head = new StringBuilder(256).append(method)
			.append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: ")
			.append(hostAndPort)
			.append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			head.append("Content-Type: ")
				.append(contentType)
				.append("\r\nContent-Length: ")
				.append(body.length)
				.append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		var request = new ByteArrayOutputStream(headBytes.length + ((body != null) ? body.length : 0));
		request.writeBytes(headBytes);
		if (body != null) {
			request.writeBytes(body);
		}
		return request.toByteArray();
	}

}
