package org.acolhida.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is signing in, as the throttle tells clients apart: the request's remote address. Behind a proxy
 * that is the address the proxy saw, because the container believes X-Forwarded-For only from internal
 * addresses ({@code server.forward-headers-strategy: native}); a client elsewhere cannot choose its
 * identity with a header. IPv6 clients count per /64, which one subscriber usually holds whole.
 * <p>
 * Tomcat's "internal" addresses include the private ranges (10/8, 172.16/12, 192.168/16): where staff
 * reach the application directly from such a network, without a proxy, set
 * {@code SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES} to the proxy's address alone (or to nothing), or a
 * machine there could name any client it likes.
 */
final class SignInClients {

	/** Password checks that no HTTP request made (the Java API, jobs): one client. */
	static final String IN_PROCESS = "in-process";

	private SignInClients() {
	}

	static String of(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			// A literal: no name is looked up.
			InetAddress parsed = InetAddress.getByName(address);
			if (parsed instanceof Inet6Address && !parsed.isLoopbackAddress()) {
				byte[] prefix = Arrays.copyOf(parsed.getAddress(), 16);
				Arrays.fill(prefix, 8, 16, (byte) 0);
				return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException e) {
			return address;
		}
	}

	/** The client of the HTTP request this thread serves, if any. */
	static String current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return of(servlet.getRequest());
		}
		return IN_PROCESS;
	}

}
