package org.acolhida.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.acolhida.units.UnitDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The language staff work in: Portuguese (Brazil) at Brazilian units, Italian at Italian ones,
 * English anywhere else. Decided by the unit, because staff of a unit share their forms and tasks; a
 * worker may choose otherwise for what they read themselves, with the Camunda user info
 * {@value #USER_CHOICE} (e.g. {@code it}), set in Admin.
 */
@Component
public class WorkLanguage {

	/** The languages forms and task names exist in; {@link #EN} is the fallback. */
	public static final String PT_BR = "pt-BR";

	public static final String IT = "it";

	public static final String EN = "en";

	/** The user-info key in which a worker states the language they read, overriding their unit's. */
	public static final String USER_CHOICE = "language";

	/** Every language forms and task names exist in, the fallback first. */
	public static final List<String> ALL = List.of(EN, PT_BR, IT);

	private final UnitDirectory units;

	private final IdentityService identity;

	WorkLanguage(UnitDirectory units, IdentityService identity) {
		this.units = units;
		this.identity = identity;
	}

	/** The language of a unit's staff; English for an unknown or missing unit. */
	public String ofUnit(String unitCode) {
		if (unitCode == null || !units.isActive(unitCode)) {
			return EN;
		}
		return switch (units.unit(unitCode).getCountry()) {
			case "BR" -> PT_BR;
			case "IT" -> IT;
			default -> EN;
		};
	}

	/** The unit of the signed-in user (their unit group, e.g. SOR-CRAS-NORTE), if they work at one. */
	public Optional<String> currentUserUnit() {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return Optional.empty();
		}
		// Every form opened and every refusal asks this: the groups the sign-in already loaded answer it
		// without a query; only someone outside any workgroup costs a look-up.
		Optional<String> fromGroups = unitAmong(authentication.getGroupIds());
		return fromGroups.isPresent() ? fromGroups : unitOf(authentication.getUserId());
	}

	/**
	 * The unit group among a user's groups that one of their workgroups belongs to: with
	 * {@code reception}, {@code SOR-CRAS-NORTE} and {@code reception.SOR-CRAS-NORTE}, SOR-CRAS-NORTE.
	 */
	static Optional<String> unitAmong(List<String> groupIds) {
		if (groupIds == null) {
			return Optional.empty();
		}
		return groupIds.stream()
			.filter(id -> !id.contains("."))
			.filter(unit -> groupIds.stream().anyMatch(group -> group.endsWith("." + unit)))
			.sorted()
			.findFirst();
	}

	/** The unit a staff member works at: their unit group, e.g. SOR-CRAS-NORTE. */
	public Optional<String> unitOf(String userId) {
		// Bounded: outside the engine's own commands, a signed-in user's unbounded query is refused.
		List<Group> groups = identity.createGroupQuery().groupMember(userId).groupType("UNIT").listPage(0, 200);
		// Workgroups (housing.SOR-CRAS-NORTE) are of type UNIT too; the unit group has no role prefix.
		return groups.stream().map(Group::getId).filter(id -> !id.contains(".")).sorted().findFirst();
	}

	/**
	 * The signed-in user's language: the one they chose, else their unit's if they work at one, else
	 * that of the given (case's) unit; English for nobody and no unit.
	 */
	public String forCurrentUser(String fallbackUnitCode) {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			String chosen = identity.getUserInfo(authentication.getUserId(), USER_CHOICE);
			if (chosen != null && ALL.contains(chosen.strip())) {
				return chosen.strip();
			}
		}
		return currentUserUnit().map(this::ofUnit).orElseGet(() -> ofUnit(fallbackUnitCode));
	}

	public static Locale locale(String language) {
		return Locale.forLanguageTag(language);
	}

	/**
	 * Texts kept per language in {@code <basename>*.properties} (UTF-8): a language without a file
	 * falls back to the English one, never to the server's own locale.
	 */
	public static ResourceBundleMessageSource messages(String basename) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename(basename);
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
