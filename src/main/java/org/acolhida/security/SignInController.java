package org.acolhida.security;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.ForbiddenException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the set-up administrators ({@code camunda-admin}): which clients wait before they may try a password
 * again, and lifting those waits, e.g. for a desk whose shared address made too many typos.
 */
@RestController
@RequestMapping("/api/sign-in")
@Tag(name = "Sign-in", description = "Waits after wrong passwords, per client and login")
class SignInController {

	private final SignInThrottle throttle;

	private final IdentityService identityService;

	private final CurrentUser currentUser;

	SignInController(SignInThrottle throttle, IdentityService identityService, CurrentUser currentUser) {
		this.throttle = throttle;
		this.identityService = identityService;
		this.currentUser = currentUser;
	}

	/**
	 * One client's wrong passwords for one login, or for all logins when {@code login} is absent;
	 * {@code heldUntil} is set while it waits.
	 */
	record Throttle(String client, String login, int failures, Instant lastFailure, Instant heldUntil) {
	}

	@GetMapping("/throttles")
	@Operation(summary = "List the clients and logins with recent wrong passwords (administrators)")
	List<Throttle> list() {
		requireAdministrator();
		return throttle.entries()
			.stream()
			.map(entry -> new Throttle(entry.client(), entry.login(), entry.failures(), entry.lastFailure(),
					entry.heldUntil()))
			.toList();
	}

	/** A client that waits for every login (too many wrong passwords for many logins) is lifted by its address. */
	@DeleteMapping("/throttles/{login}")
	@Operation(summary = "Lift every wait of a login, from every client, and the engine's lock of the account (administrators)")
	ResponseEntity<Void> releaseLogin(@PathVariable String login) {
		requireAdministrator();
		throttle.releaseLogin(login);
		// A lock the engine set before its own lock was switched off (ACT_ID_USER.ATTEMPTS_) goes too. The city's
		// directory (profile ldap) has no such lock, and the engine may not write to it.
		if (!identityService.isReadOnly() && identityService.createUserQuery().userId(login).count() > 0) {
			identityService.unlockUser(login);
		}
		return ResponseEntity.noContent().build();
	}

	/** A query parameter, not a path segment: an IPv6 client is written with a slash ({@code 2001:db8::/64}). */
	@DeleteMapping("/throttles")
	@Operation(summary = "Lift every wait of a client address, for every login (administrators)")
	ResponseEntity<Void> releaseClient(@RequestParam String client) {
		requireAdministrator();
		throttle.releaseClient(client);
		return ResponseEntity.noContent().build();
	}

	private void requireAdministrator() {
		if (!currentUser.isMember(Groups.CAMUNDA_ADMIN)) {
			throw new ForbiddenException("Only administrators (camunda-admin) may see or lift sign-in waits");
		}
	}

}
