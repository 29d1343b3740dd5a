package org.acolhida.directory;

import java.io.StringWriter;
import java.util.List;

import javax.naming.directory.SearchResult;

import org.acolhida.security.SignInThrottle;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;

/**
 * Camunda's LDAP user store, opened for each engine command, with three things of ours:
 * <ul>
 * <li>password checks go through the {@link SignInThrottle}, as they do for the engine's own users: a
 * guesser waits, and never gets to lock the city's account by making the directory count failures;</li>
 * <li>group names are translated ({@link GroupNames}) both ways, so that authorizations, task lists and
 * candidate groups name {@code housing.SOR-CRAS-NORTE} and {@code camunda-admin} whatever the directory
 * calls them; the group ids of a query are escaped, which the plugin does not do for them;</li>
 * <li>members may read their own groups, as the engine lets them read the groups it creates;</li>
 * <li>a query by group type ({@code language.WorkLanguage} asks for a user's {@code UNIT} groups) is
 * answered, where the plugin ignores the type.</li>
 * </ul>
 */
class DirectoryUserStore extends LdapIdentityProviderSession {

	private final GroupNames names;

	private final SignInThrottle throttle;

	DirectoryUserStore(LdapConfiguration configuration, GroupNames names, SignInThrottle throttle) {
		super(configuration);
		this.names = names;
		this.throttle = throttle;
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		return throttle.check(userId, () -> super.checkPassword(userId, password));
	}

	@Override
	public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
		List<Group> found = super.findGroupByQueryCriteria(query);
		String type = query.getType();
		return type == null ? found : found.stream().filter(group -> type.equals(group.getType())).toList();
	}

	/**
	 * Members read their own groups, as the engine grants them for groups it creates (its default
	 * authorizations): the application looks up a worker's unit among the groups they may read.
	 */
	@Override
	protected boolean isAuthorizedToReadGroup(String groupId) {
		Authentication caller = Context.getCommandContext().getAuthentication();
		return (caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(groupId))
				|| super.isAuthorizedToReadGroup(groupId);
	}

	@Override
	protected GroupEntity transformGroup(SearchResult result) {
		GroupEntity group = super.transformGroup(result);
		if (group.getId() != null) {
			group.setId(names.toEngine(group.getId()));
			group.setType(GroupNames.typeOf(group.getId()));
		}
		return group;
	}

	/** As the plugin's, with the ids in the directory's names and escaped. */
	@Override
	protected String getGroupSearchFilter(LdapGroupQuery query) {
		String idAttribute = ldapConfiguration.getGroupIdAttribute();
		StringWriter search = new StringWriter();
		search.write("(&");
		search.write(ldapConfiguration.getGroupSearchFilter());
		if (query.getId() != null) {
			addFilter(idAttribute, escapeLDAPSearchFilter(names.toDirectory(query.getId())), search);
		}
		if (query.getIds() != null && query.getIds().length > 0) {
			search.write("(|");
			for (String id : query.getIds()) {
				addFilter(idAttribute, escapeLDAPSearchFilter(names.toDirectory(id)), search);
			}
			search.write(")");
		}
		if (query.getName() != null) {
			addFilter(ldapConfiguration.getGroupNameAttribute(), query.getName(), search);
		}
		if (query.getNameLike() != null) {
			addFilter(ldapConfiguration.getGroupNameAttribute(), query.getNameLike(), search);
		}
		if (query.getUserId() != null) {
			String member = ldapConfiguration.isUsePosixGroups() ? query.getUserId() : getDnForUser(query.getUserId());
			addFilter(ldapConfiguration.getGroupMemberAttribute(), escapeLDAPSearchFilter(member), search);
		}
		search.write(")");
		return search.toString();
	}

	/** Opens a {@link DirectoryUserStore} as the engine's user store for each command. */
	static final class Factory implements SessionFactory {

		private final LdapConfiguration configuration;

		private final GroupNames names;

		private final SignInThrottle throttle;

		Factory(LdapConfiguration configuration, GroupNames names, SignInThrottle throttle) {
			this.configuration = configuration;
			this.names = names;
			this.throttle = throttle;
		}

		@Override
		public Class<?> getSessionType() {
			return ReadOnlyIdentityProvider.class;
		}

		@Override
		public Session openSession() {
			return new DirectoryUserStore(configuration, names, throttle);
		}

	}

}
