package com.cti.admin.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tells whether a URL that this service hands on (to Dialpad, to a browser) points at the
 * public internet: https, and every address its host resolves to a public unicast one. A
 * URL resolving to loopback, link-local (the cloud metadata service at 169.254.169.254),
 * private, unspecified, multicast or reserved addresses would make the party that follows
 * it reach into this deployment's network (SSRF), so it is refused; so is a host that
 * does not resolve, and a numeric host other than a plain dotted quad
 * ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}), which other resolvers read as
 * another address than Java does.
 */
public final class PublicAddresses {

	private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)[0-9a-fx.]+");

	private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)0x[0-9a-f]*|[0-9]+");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

	/** Resolves a host name to all its addresses ({@link InetAddress#getAllByName}). */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private PublicAddresses() {
	}

	/** Why the URL must not be handed on, or null when it may. */
	public static @Nullable String refusal(String url, Resolver resolver) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (java.net.URISyntaxException ex) {
			return "it is not a URL";
		}
		if (!"https".equalsIgnoreCase(uri.getScheme())) {
			return "it is not https";
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			return "it has no host";
		}
		if (isAmbiguousNumericHost(host)) {
			return "its host " + host + " is a numeric address other than a dotted quad";
		}
		InetAddress[] addresses;
		try {
			// a literal address is read as Java reads it, no name service involved
			boolean literal = host.startsWith("[") || DOTTED_QUAD.matcher(host).matches();
			addresses = literal ? InetAddress.getAllByName(host) : resolver.resolve(host);
		}
		catch (UnknownHostException | SecurityException ex) {
			return "its host " + host + " does not resolve";
		}
		if (addresses.length == 0) {
			return "its host " + host + " does not resolve";
		}
		for (InetAddress address : addresses) {
			String reason = notPublic(address);
			if (reason != null) {
				return "its host " + host + " resolves to " + address.getHostAddress() + ", " + reason;
			}
		}
		return null;
	}

	/** Why the address is not a public unicast address, or null when it is. */
	public static @Nullable String notPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		return (address instanceof Inet4Address) ? notPublicV4(bytes) : notPublicV6(bytes);
	}

	private static boolean isAmbiguousNumericHost(String host) {
		if (host.startsWith("[") || !NUMERIC_HOST.matcher(host).matches()) {
			return false;
		}
		String[] labels = host.split("\\.");
		String last = (labels.length > 0) ? labels[labels.length - 1] : host;
		return NUMERIC_LABEL.matcher(last).matches() && !DOTTED_QUAD.matcher(host).matches();
	}

	private static @Nullable String notPublicV4(byte[] a) {
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		if (b0 == 0) {
			return "an unspecified address";
		}
		if (b0 == 127) {
			return "a loopback address";
		}
		if (b0 == 169 && b1 == 254) {
			return "a link-local address";
		}
		if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)
				|| (b0 == 100 && (b1 & 0xc0) == 64)) {
			return "a private address";
		}
		if (b0 >= 224 && b0 <= 239) {
			return "a multicast address";
		}
		if (b0 >= 240) {
			return "a reserved or broadcast address";
		}
		return null;
	}

	private static @Nullable String notPublicV6(byte[] a) {
		byte[] embedded = embeddedV4(a);
		if (embedded != null) {
			return notPublicV4(embedded);
		}
		boolean zeroUpTo15 = Arrays.equals(Arrays.copyOf(a, 15), new byte[15]);
		if (zeroUpTo15 && a[15] == 0) {
			return "an unspecified address";
		}
		if (zeroUpTo15 && a[15] == 1) {
			return "a loopback address";
		}
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
			return "a link-local address";
		}
		if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
			return "a private address";
		}
		if (b0 == 0xff) {
			return "a multicast address";
		}
		return null;
	}

	/**
	 * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
	 * ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) or 6to4
	 * ({@code 2002:aabb:ccdd::}) address, or null.
	 */
	private static byte @Nullable [] embeddedV4(byte[] a) {
		boolean zeroUpTo10 = Arrays.equals(Arrays.copyOf(a, 10), new byte[10]);
		boolean mapped = zeroUpTo10 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
		boolean compatible = zeroUpTo10 && a[10] == 0 && a[11] == 0 && (a[12] != 0 || a[13] != 0);
		boolean nat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
				&& Arrays.equals(Arrays.copyOfRange(a, 4, 12), new byte[8]);
		if (mapped || compatible || nat64) {
			return Arrays.copyOfRange(a, 12, 16);
		}
		if (a[0] == 0x20 && a[1] == 0x02) {
			return Arrays.copyOfRange(a, 2, 6);
		}
		return null;
	}

}
