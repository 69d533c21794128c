package com.cti.admin.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicAddressesTests {

	private static final PublicAddresses.Resolver NO_DNS = (host) -> {
		throw new UnknownHostException(host);
	};

	@Test
	void refusesEveryIpv4RangeThatIsNotPublic() {
		for (String address : new String[] { "0.0.0.0", "0.1.2.3", "127.0.0.1", "127.255.0.9", "10.0.0.1",
				"10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1", "100.64.0.1", "169.254.169.254",
				"169.254.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255" }) {
			assertThat(PublicAddresses.notPublic(address(address))).as(address).isNotNull();
		}
		for (String address : new String[] { "8.8.8.8", "93.184.215.14", "172.15.255.255", "172.32.0.1", "192.169.0.1",
				"100.63.255.255", "100.128.0.1", "169.253.1.1", "223.255.255.255", "1.1.1.1" }) {
			assertThat(PublicAddresses.notPublic(address(address))).as(address).isNull();
		}
	}

	@Test
	void refusesEveryIpv6RangeThatIsNotPublic() {
		for (String address : new String[] { "::", "::1", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "fec0::1",
				"ff02::1", "ff0e::1" }) {
			assertThat(PublicAddresses.notPublic(address(address))).as(address).isNotNull();
		}
		for (String address : new String[] { "2001:4860:4860::8888", "2606:4700::1111", "fe00::1" }) {
			assertThat(PublicAddresses.notPublic(address(address))).as(address).isNull();
		}
	}

	@Test
	void readsTheIpv4AddressInsideMappedCompatibleNat64And6to4Addresses() throws Exception {
		// built as Inet6Address: InetAddress.getByName would hand back the IPv4 address
		for (String address : new String[] { "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1",
				"64:ff9b::192.168.0.1", "2002:0a00:0001::1", "2002:a9fe:a9fe::" }) {
			InetAddress mapped = Inet6Address.getByAddress(null, address(address).getAddress().length == 16
					? address(address).getAddress() : v4Mapped(address(address).getAddress()), -1);
			assertThat(PublicAddresses.notPublic(mapped)).as(address).isNotNull();
		}
		assertThat(PublicAddresses.notPublic(Inet6Address.getByAddress(null, v4Mapped(new byte[] { 8, 8, 8, 8 }), -1)))
			.isNull();
		assertThat(PublicAddresses.notPublic(address("2002:0808:0808::1"))).isNull();
	}

	@Test
	void refusesUrlsWhoseHostIsANonPublicLiteral() {
		for (String url : new String[] { "https://127.0.0.1/", "https://169.254.169.254/latest/meta-data/",
				"https://10.1.2.3:8443/hook", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[fd00::5]/",
				"https://[fe80::1%25eth0]/", "https://0.0.0.0/", "https://224.0.0.251/" }) {
			assertThat(PublicAddresses.refusal(url, NO_DNS)).as(url).isNotNull();
		}
		assertThat(PublicAddresses.refusal("https://93.184.215.14/webhooks", NO_DNS)).isNull();
		assertThat(PublicAddresses.refusal("https://[2606:4700::1111]/webhooks", NO_DNS)).isNull();
	}

	@Test
	void refusesNumericHostsOtherThanADottedQuad() {
		// what curl and browsers read as 127.0.0.1 or 10.0.0.1, in decimal, octal and hex
		for (String url : new String[] { "http://2130706433/", "https://2130706433/", "https://0177.0.0.1/",
				"https://0x7f.0.0.1/", "https://0x7f000001/", "https://127.1/", "https://012.0.0.1/",
				"https://167772161/", "https://017700000001/", "https://1.2.3.4.5/", "https://93.184.215.014/" }) {
			assertThat(PublicAddresses.refusal(url, (host) -> new InetAddress[] { address("93.184.215.14") })).as(url)
				.isNotNull();
		}
	}

	@Test
	void refusesPlainHttpUnresolvableHostsAndNonUrls() {
		PublicAddresses.Resolver publicDns = (host) -> new InetAddress[] { address("93.184.215.14") };
		assertThat(PublicAddresses.refusal("http://cti.example.com/", publicDns)).contains("not https");
		assertThat(PublicAddresses.refusal("ftp://cti.example.com/", publicDns)).contains("not https");
		assertThat(PublicAddresses.refusal("https://cti.example.com/x", NO_DNS)).contains("does not resolve");
		assertThat(PublicAddresses.refusal("https://exa mple.com/", publicDns)).isNotNull();
		assertThat(PublicAddresses.refusal("https:///path", publicDns)).isNotNull();
		assertThat(PublicAddresses.refusal("https://cti.example.com/x", publicDns)).isNull();
	}

	@Test
	void refusesAHostWhenAnyOfItsAddressesIsNotPublic() {
		PublicAddresses.Resolver split = (
				host) -> new InetAddress[] { address("93.184.215.14"), address("169.254.169.254") };
		assertThat(PublicAddresses.refusal("https://cti.example.com/", split)).contains("169.254.169.254")
			.contains("link-local");
	}

	@Test
	void refusesWhatTheSystemResolverSaysIsLoopback() {
		assertThat(PublicAddresses.refusal("https://localhost/", InetAddress::getAllByName)).isNotNull();
		assertThat(PublicAddresses.refusal("https://name.invalid/", InetAddress::getAllByName)).isNotNull();
	}

	private static byte[] v4Mapped(byte[] v4) {
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		System.arraycopy(v4, 0, mapped, 12, 4);
		return mapped;
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}

}
