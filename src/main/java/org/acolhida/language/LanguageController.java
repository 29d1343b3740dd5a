package org.acolhida.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.NotFoundException;
import org.acolhida.identity.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The language a worker reads forms, task names and refusals in, chosen without the Java API: by the
 * worker for themselves, or by an administrator for a worker. The choice is the Camunda user info
 * {@value WorkLanguage#USER_CHOICE} that {@link WorkLanguage} reads, so it is also what Admin shows
 * under the user's profile; without a choice, the language of the worker's unit applies.
 */
@RestController
@Tag(name = "Language", description = "The language a worker reads their forms and tasks in")
class LanguageController {

	private final IdentityService identity;

	private final WorkLanguage language;

	private final CurrentUser currentUser;

	private final ResourceBundleMessageSource messages = WorkLanguage.messages("i18n/languages");

	LanguageController(IdentityService identity, WorkLanguage language, CurrentUser currentUser) {
		this.identity = identity;
		this.language = language;
		this.currentUser = currentUser;
	}

	@GetMapping("/api/me/language")
	@Operation(summary = "The language the signed-in worker reads in, whether they chose it, and the languages there are")
	LanguageDto mine() {
		return of(signedIn());
	}

	@PutMapping("/api/me/language")
	@Operation(summary = "Choose the language the signed-in worker reads in: en, pt-BR or it",
			description = "Forms, task names and refusals follow it from the next request on, over Tasklist and "
					+ "/engine-rest alike. A language Acolhida has no texts in is refused with 400.")
	LanguageDto choose(@RequestBody LanguageChoice choice) {
		String userId = signedIn();
		identity.setUserInfo(userId, WorkLanguage.USER_CHOICE, valid(choice));
		return of(userId);
	}

	@DeleteMapping("/api/me/language")
	@Operation(summary = "Drop the signed-in worker's choice: they read in their unit's language again")
	LanguageDto forget() {
		String userId = signedIn();
		identity.deleteUserInfo(userId, WorkLanguage.USER_CHOICE);
		return of(userId);
	}

	@PutMapping("/api/staff/{userId}/language")
	@Operation(summary = "Choose a worker's language for them (administrators only)")
	LanguageDto chooseFor(@PathVariable String userId, @RequestBody LanguageChoice choice) {
		if (!currentUser.isMember(Groups.CAMUNDA_ADMIN)) {
			throw new ForbiddenException("Only administrators choose another person's language");
		}
		if (identity.createUserQuery().userId(userId).count() == 0) {
			throw new NotFoundException("No user '" + userId + "'");
		}
		String chosen = valid(choice);
		identity.setUserInfo(userId, WorkLanguage.USER_CHOICE, chosen);
		return new LanguageDto(chosen, chosen, WorkLanguage.ALL);
	}

	private String signedIn() {
		String userId = currentUser.userId();
		if (userId == null) {
			// The authentication filter lets nobody through unsigned; a request outside it is the caller's fault.
			throw new ForbiddenException("Sign in to choose a language");
		}
		return userId;
	}

	/**
	 * One of {@link WorkLanguage#ALL}, as written there; {@code pt_BR} and any case are accepted, since
	 * people write a language tag either way. Anything else is refused in the caller's own language.
	 */
	private String valid(LanguageChoice choice) {
		String given = choice == null || choice.language() == null ? "" : choice.language().strip();
		Optional<String> known = WorkLanguage.ALL.stream()
			.filter(tag -> tag.equalsIgnoreCase(given.replace('_', '-')))
			.findFirst();
		if (known.isPresent()) {
			return known.get();
		}
		Locale caller = WorkLanguage.locale(language.forCurrentUser(null));
		throw new InvalidInputException("language", messages.getMessage("unknown",
				new Object[] { given, String.join(", ", WorkLanguage.ALL) }, caller));
	}

	private LanguageDto of(String userId) {
		String chosen = identity.getUserInfo(userId, WorkLanguage.USER_CHOICE);
		return new LanguageDto(language.forCurrentUser(null),
				chosen != null && WorkLanguage.ALL.contains(chosen.strip()) ? chosen.strip() : null, WorkLanguage.ALL);
	}

	/** What a worker asks for: {@code {"language": "it"}}. */
	record LanguageChoice(String language) {
	}

	/**
	 * {@code language}: what they read in now; {@code chosen}: their own choice, or null when their unit's
	 * language applies; {@code available}: the languages Acolhida has texts in.
	 */
	record LanguageDto(String language, String chosen, List<String> available) {
	}

}
