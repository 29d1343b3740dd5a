package org.acolhida.protocols;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.acolhida.protocols.ProtocolVersions.MigrationStarted;
import org.acolhida.protocols.ProtocolVersions.MigrationStatus;
import org.acolhida.protocols.ProtocolVersions.Plan;
import org.acolhida.protocols.ProtocolVersions.Protocol;
import org.acolhida.identity.CurrentUser;
import org.acolhida.errors.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Protocol versions and the migration of running cases between them, for managers. */
@RestController
@RequestMapping("/api/protocols")
@Tag(name = "Protocols", description = "Versions of the processes, their running cases, and migrations")
class ProtocolController {

	private final ProtocolVersions versions;

	private final CurrentUser currentUser;

	ProtocolController(ProtocolVersions versions, CurrentUser currentUser) {
		this.versions = versions;
		this.currentUser = currentUser;
	}

	/**
	 * Which versions move: from and to, as Cockpit shows version numbers; all cases of the first, or
	 * only those listed.
	 */
	record VersionChange(Integer fromVersion, Integer toVersion, List<String> caseNumbers) {
	}

	@GetMapping
	@Operation(summary = "Every protocol with its versions and how many cases run on each")
	List<Protocol> protocols() {
		currentUser.requireManager();
		return versions.protocols();
	}

	@GetMapping("/{key}/versions/{version}/cases")
	@Operation(summary = "The case numbers running on one version")
	List<String> cases(@PathVariable String key, @PathVariable int version) {
		currentUser.requireManager();
		return versions.cases(key, version);
	}

	@PostMapping("/{key}/migration-plan")
	@Operation(summary = "Preview moving the running cases of one version to another: the mapping and its problems")
	Plan plan(@PathVariable String key, @RequestBody VersionChange change) {
		currentUser.requireManager();
		return versions.plan(key, required(change.fromVersion(), "fromVersion"), required(change.toVersion(), "toVersion"),
				change.caseNumbers());
	}

	@PostMapping("/{key}/migrations")
	@Operation(summary = "Move the running cases of one version to another, as a batch")
	ResponseEntity<MigrationStarted> migrate(@PathVariable String key, @RequestBody VersionChange change) {
		currentUser.requireManager();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(versions.migrate(key, required(change.fromVersion(), "fromVersion"),
					required(change.toVersion(), "toVersion"), change.caseNumbers()));
	}

	@GetMapping("/migrations/{batchId}")
	@Operation(summary = "How far a migration has come")
	MigrationStatus status(@PathVariable String batchId) {
		currentUser.requireManager();
		return versions.status(batchId);
	}

	private static int required(Integer version, String field) {
		if (version == null) {
			throw new InvalidInputException(field, "is required");
		}
		return version;
	}

}
