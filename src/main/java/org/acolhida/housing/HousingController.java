package org.acolhida.housing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.staff.Role;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnknownUnitException;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shelter occupancy and the waitlist, for managers (every municipality) and housing staff (the
 * municipalities of the units where they work, from their workgroups {@code housing.<unit>}).
 * Anyone else gets 403.
 */
@RestController
@RequestMapping("/api/housing")
@Tag(name = "Housing", description = "Shelter beds and who waits for one")
class HousingController {

	private final ShelterCapacity capacity;

	private final HousingWaitlist waitlist;

	private final UnitDirectory units;

	private final CurrentUser currentUser;

	HousingController(ShelterCapacity capacity, HousingWaitlist waitlist, UnitDirectory units,
			CurrentUser currentUser) {
		this.capacity = capacity;
		this.waitlist = waitlist;
		this.units = units;
		this.currentUser = currentUser;
	}

	@GetMapping("/occupancy")
	@Operation(summary = "Each shelter's beds: total, held, occupied, free (optionally of one municipality)")
	List<ShelterOccupancy> occupancy(@RequestParam(required = false) String municipality) {
		Visible visible = visible(municipality);
		return capacity.occupancy(municipality).stream().filter(o -> visible.includes(o.municipality())).toList();
	}

	@GetMapping("/waitlist")
	@Operation(summary = "Households waiting for a bed: immediate first, then the longest waiting")
	List<WaitlistEntry> waitlist(@RequestParam(required = false) String municipality) {
		Visible visible = visible(municipality);
		return waitlist.list(municipality).stream().filter(e -> visible.includes(e.municipality())).toList();
	}

	/** Null municipalities: all of them. */
	private record Visible(Set<String> municipalities) {

		boolean includes(String municipality) {
			return municipalities == null || municipalities.contains(municipality.toLowerCase(Locale.ROOT));
		}

	}

	private Visible visible(String asked) {
		if (currentUser.isMember(CurrentUser.MANAGERS) || currentUser.isMember(Groups.CAMUNDA_ADMIN)) {
			return new Visible(null);
		}
		if (!currentUser.isMember(Role.HOUSING.groupId())) {
			throw new ForbiddenException("Only managers and housing staff see shelter beds and the waitlist");
		}
		String prefix = Role.HOUSING.at("");
		Set<String> municipalities = new TreeSet<>();
		for (String group : currentUser.groups()) {
			if (group.startsWith(prefix)) {
				try {
					municipalities.add(units.unit(group.substring(prefix.length())).getMunicipality()
						.toLowerCase(Locale.ROOT));
				}
				catch (UnknownUnitException e) {
					// a workgroup of a unit that is not in the directory shows nothing
				}
			}
		}
		if (asked != null && !municipalities.contains(asked.toLowerCase(Locale.ROOT))) {
			throw new ForbiddenException("Housing staff see the shelters of their own municipality only");
		}
		return new Visible(municipalities);
	}

}
