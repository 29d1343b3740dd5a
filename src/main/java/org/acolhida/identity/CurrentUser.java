package org.acolhida.identity;

import java.util.List;
import java.util.function.Supplier;

import org.acolhida.errors.ForbiddenException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user signed in to {@code /api}, as the engine's authentication filter established it from
 * the request's credentials (see {@code system.RestSecurityConfiguration}).
 */
@Component
public class CurrentUser {

	/** Group of the coordinators who keep the protocols and the unit directory. */
	public static final String MANAGERS = "managers";

	private final IdentityService identityService;

	CurrentUser(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String userId() {
		Authentication authentication = identityService.getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

	public List<String> groups() {
		Authentication authentication = identityService.getCurrentAuthentication();
		return authentication == null || authentication.getGroupIds() == null ? List.of()
				: authentication.getGroupIds();
	}

	public boolean isMember(String group) {
		return groups().contains(group);
	}

	/** Managers and the set-up administrator, who read every unit's cases. */
	public boolean isNetwork() {
		return isMember(MANAGERS) || isMember(Groups.CAMUNDA_ADMIN);
	}

	/**
	 * Runs {@code read} with no engine authentication, as the application itself, and gives the
	 * user's authentication back afterwards: for reads whose rights the caller has already decided.
	 */
	public <T> T asApplication(Supplier<T> read) {
		Authentication user = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return read.get();
		}
		finally {
			if (user != null) {
				identityService.setAuthentication(user);
			}
		}
	}

	/** Managers and the setup administrator. */
	public void requireManager() {
		if (!isNetwork()) {
			throw new ForbiddenException("Only managers may change this");
		}
	}

}
