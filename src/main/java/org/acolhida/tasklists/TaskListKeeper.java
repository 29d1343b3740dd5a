package org.acolhida.tasklists;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.acolhida.staff.GroupCreated;
import org.acolhida.units.ServiceUnit;
import org.acolhida.units.UnitDirectory;
import org.acolhida.units.UnitSaved;
import org.acolhida.units.UnknownUnitException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the task lists of {@link TaskLists} in the engine: creates the missing ones, renames and
 * redefines the changed ones, grants READ to their readers and to no other group, and deletes lists
 * whose workgroup is gone and copies made by two nodes at once. Idempotent; a list is found again by
 * the key in its properties, so a renamed unit renames its lists instead of adding new ones.
 * <p>
 * When: at start (after the demo staff, in every profile); after a unit is saved through
 * {@code /api/units} (a renamed unit, a unit moved to another country); after the application adds a
 * workgroup ({@link GroupCreated}); and every {@code acolhida.task-lists.reconcile-every} (a minute),
 * for workgroups an administrator adds in Camunda Admin or another node adds: the engine tells nobody
 * about identity changes, and one look costs three queries on small tables.
 * <p>
 * Runs without the caller's authentication: a manager saving a unit may not create filters, and the
 * lists are the application's, not the manager's.
 */
@Component
@Order(30)
@EnableScheduling
class TaskListKeeper implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TaskListKeeper.class);

	/** Lists of earlier versions, made for the demo by name, which the lists of {@link TaskLists} replace. */
	static final Set<String> RETIRED = Set.of("My unit's reception tasks", "Immediate priority");

	/** Holds the fingerprint of a list's definition, to tell whether the stored list is current. */
	static final String FINGERPRINT = "acolhidaListVersion";

	private final TaskLists lists;

	private final FilterService filters;

	private final AuthorizationService authorizations;

	private final IdentityService identity;

	private final UnitDirectory units;

	private final ObjectMapper canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
			true);

	/** Set once the start-up run is done: events before it (the demo staff) are covered by that run. */
	private volatile boolean started;

	TaskListKeeper(TaskLists lists, FilterService filters, AuthorizationService authorizations,
			IdentityService identity, UnitDirectory units) {
		this.lists = lists;
		this.filters = filters;
		this.authorizations = authorizations;
		this.identity = identity;
		this.units = units;
	}

	/** What one run changed. */
	record Changes(int created, int updated, int deleted, int grantsAdded, int grantsRemoved) {

		boolean any() {
			return created + updated + deleted + grantsAdded + grantsRemoved > 0;
		}

	}

	@Override
	public void run(ApplicationArguments args) {
		keep();
		started = true;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void unitSaved(UnitSaved saved) {
		keepQuietly("unit " + saved.unit().getCode() + " saved", saved.unit());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void groupCreated(GroupCreated created) {
		keepQuietly("group " + created.groupId() + " created", null);
	}

	@Scheduled(fixedDelayString = "${acolhida.task-lists.reconcile-every:PT1M}",
			initialDelayString = "${acolhida.task-lists.reconcile-every:PT1M}")
	void periodically() {
		keepQuietly("periodic check", null);
	}

	/** After the change that triggered it has committed: a failure leaves the lists to the next run. */
	private void keepQuietly(String reason, ServiceUnit saved) {
		if (!started) {
			return;
		}
		try {
			keep(saved);
		}
		catch (RuntimeException e) {
			log.warn("Task lists not brought up to date after {}; the next check tries again", reason, e);
		}
	}

	/** Brings the lists in line with the workgroups and units, as the engine's own user. */
	Changes keep() {
		return keep(null);
	}

	/**
	 * As {@link #keep()}, with a unit just saved as it is now: the directory may not have seen the
	 * change yet, since it learns of it from the same event.
	 */
	synchronized Changes keep(ServiceUnit saved) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			Changes changes = reconcile(saved);
			if (changes.any()) {
				log.info("Task lists brought up to date: {}", changes);
			}
			return changes;
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

	private Changes reconcile(ServiceUnit saved) {
		Map<String, TaskList> wanted = lists.design(workgroups(saved));
		int created = 0;
		int updated = 0;
		int deleted = 0;
		Map<String, Filter> stored = new LinkedHashMap<>();
		List<Filter> existing = new ArrayList<>(filters.createFilterQuery().filterResourceType(EntityTypes.TASK).list());
		// Two nodes starting together may both create a list: the one with the lowest id stays, on every node.
		existing.sort(Comparator.comparing(Filter::getId));
		for (Filter filter : existing) {
			Object key = filter.getProperties() == null ? null : filter.getProperties().get(TaskLists.KEY);
			boolean ours = key instanceof String;
			if ((ours && (!wanted.containsKey(key) || stored.containsKey(key)))
					|| (!ours && RETIRED.contains(filter.getName()))) {
				deleted += delete(filter);
			}
			else if (ours) {
				stored.put((String) key, filter);
			}
		}
		Map<String, List<Authorization>> grants = authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Authorization::getResourceId));
		int grantsAdded = 0;
		int grantsRemoved = 0;
		for (TaskList list : wanted.values()) {
			Filter filter = stored.get(list.key());
			String fingerprint = fingerprint(list);
			if (filter == null) {
				filter = filters.saveFilter(define(filters.newTaskFilter(), list, fingerprint));
				created++;
			}
			else if (!fingerprint.equals(filter.getProperties().get(FINGERPRINT))) {
				filter = filters.saveFilter(define(filter, list, fingerprint));
				updated++;
			}
			List<Authorization> granted = grants.getOrDefault(filter.getId(), List.of());
			for (Authorization grant : granted) {
				if (grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && grant.getGroupId() != null
						&& !list.readers().contains(grant.getGroupId())) {
					authorizations.deleteAuthorization(grant.getId());
					grantsRemoved++;
				}
			}
			for (String reader : list.readers()) {
				Optional<Authorization> grant = granted.stream()
					.filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && reader.equals(a.getGroupId()))
					.findFirst();
				if (grant.isEmpty() || !grant.get().isPermissionGranted(Permissions.READ)) {
					Authorization read = grant.orElseGet(() -> newGrant(reader));
					read.setResourceId(filter.getId());
					read.addPermission(Permissions.READ);
					authorizations.saveAuthorization(read);
					grantsAdded++;
				}
			}
		}
		return new Changes(created, updated, deleted, grantsAdded, grantsRemoved);
	}

	/** Every workgroup in the identity service whose unit is in the directory, with its unit. */
	private Map<Workgroup, ServiceUnit> workgroups(ServiceUnit saved) {
		Map<Workgroup, ServiceUnit> found = new TreeMap<>(Comparator.comparing(Workgroup::groupId));
		for (Group group : identity.createGroupQuery().list()) {
			Workgroup.of(group.getId()).ifPresent(workgroup -> unit(workgroup.unitCode(), saved)
				.ifPresent(unit -> found.put(workgroup, unit)));
		}
		return found;
	}

	private Optional<ServiceUnit> unit(String code, ServiceUnit saved) {
		if (saved != null && saved.getCode().equals(code)) {
			return Optional.of(saved);
		}
		try {
			return Optional.of(units.unit(code));
		}
		catch (UnknownUnitException e) {
			return Optional.empty();
		}
	}

	private Authorization newGrant(String group) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(group);
		grant.setResource(Resources.FILTER);
		return grant;
	}

	private int delete(Filter filter) {
		try {
			filters.deleteFilter(filter.getId());
			return 1;
		}
		catch (RuntimeException e) {
			// Another node deleted it first.
			log.debug("Task list {} was gone already", filter.getId(), e);
			return 0;
		}
	}

	private static Filter define(Filter filter, TaskList list, String fingerprint) {
		Map<String, Object> properties = new LinkedHashMap<>(list.properties());
		properties.put(TaskLists.KEY, list.key());
		properties.put(FINGERPRINT, fingerprint);
		return filter.setName(list.name()).setQuery(list.query()).setProperties(properties);
	}

	/** A digest of what the list is made of: when the code, a unit or a language changes, so does this. */
	private String fingerprint(TaskList list) {
		FilterEntity probe = new FilterEntity(EntityTypes.TASK);
		probe.setQuery(list.query());
		try {
			String definition = list.name() + '\n' + canonical.writeValueAsString(list.properties()) + '\n'
					+ probe.getQueryInternal();
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(definition.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException e) {
			throw new IllegalStateException("Cannot describe task list " + list.key(), e);
		}
	}

}
