package org.acolhida.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default keeps the whole database (case files of refugees, the engine's history, staff
 * password hashes) in H2 files under {@code acolhida.data-dir} ({@code ACOLHIDA_DATA_DIR}, {@code ./data}).
 * With the usual umask those files would be readable by every account on the machine. So, when the
 * datasource is an H2 file database in that folder, the folder is created owner-only (rwx------) and what
 * is already in it is brought to owner-only (the group's and others' permissions taken away), before any
 * bean, the datasource included, is created: a bean factory post-processor runs before them all. Files
 * that H2 adds later get the umask's permissions, but no other account can reach them through the
 * folder. A database outside that folder is only warned about: its folder may hold files that are not
 * ours to change.
 * <p>
 * On a file system without POSIX permissions it logs that it cannot, and the operator has to restrict
 * the folder with that file system's own means. A file it may not change (another owner) is logged as
 * a warning and the start goes on. PostgreSQL and in-memory databases are left alone.
 */
@Component
class EmbeddedDataFolder implements BeanFactoryPostProcessor, EnvironmentAware {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDataFolder.class);

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER = PosixFilePermissions.fromString("rwx------");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Optional<Path> database = h2Database(environment.getProperty("spring.datasource.url"));
		String dataDir = environment.getProperty("acolhida.data-dir");
		if (database.isEmpty() || dataDir == null) {
			return;
		}
		Path folder = Path.of(dataDir).toAbsolutePath().normalize();
		if (database.get().startsWith(folder)) {
			restrict(folder);
		}
		else {
			// Only the folder Acolhida is told is its own: a database somewhere else may share its folder
			// (a home directory) with files whose permissions are not ours to change.
			log.warn("The H2 database {} is outside the data folder {}: restrict its folder to the account "
					+ "that runs Acolhida yourself", database.get(), folder);
		}
	}

	/**
	 * The path of an H2 file database ({@code jdbc:h2:file:./data/acolhida;OPTIONS} or
	 * {@code jdbc:h2:./data/acolhida}), if the URL names one; not for {@code mem:}, {@code tcp:} or other
	 * H2 protocols.
	 */
	static Optional<Path> h2Database(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return Optional.empty();
		}
		String name = url.substring("jdbc:h2:".length());
		int options = name.indexOf(';');
		if (options >= 0) {
			name = name.substring(0, options);
		}
		if (name.startsWith("file:")) {
			name = name.substring("file:".length());
		}
		else if (name.matches("^[a-zA-Z]{2,}:.*")) {
			return Optional.empty();
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Optional.of(Path.of(name).toAbsolutePath().normalize());
	}

	/** Creates the folder owner-only if it is missing, and brings everything in it to owner-only. */
	static void restrict(Path folder) {
		try {
			if (!Files.getFileStore(Files.exists(folder) ? folder : existingParent(folder))
				.supportsFileAttributeView(PosixFileAttributeView.class)) {
				log.warn("The data folder {} is on a file system without POSIX permissions: restrict it to the "
						+ "account that runs Acolhida with the file system's own means", folder);
				Files.createDirectories(folder);
				return;
			}
			if (!Files.exists(folder)) {
				Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
				// The umask can only take permissions away, but be sure of the folder itself.
				Files.setPosixFilePermissions(folder, FOLDER);
				log.info("Created the data folder {}, readable by its owner only", folder);
				return;
			}
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					ownerOnly(dir);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					// Links are left alone: their target may be anything, anywhere.
					if (attributes.isRegularFile()) {
						ownerOnly(file);
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					log.warn("Could not read {} in the data folder to restrict it: {}", file, e.toString());
					return FileVisitResult.CONTINUE;
				}
			});
			log.info("The data folder {} and its files are readable by their owner only", folder);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not create or restrict the data folder " + folder, e);
		}
	}

	/** Takes the group's and others' permissions away, and leaves the owner's as they are. */
	private static void ownerOnly(Path path) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
			Set<PosixFilePermission> owners = EnumSet.noneOf(PosixFilePermission.class);
			owners.addAll(permissions);
			owners.retainAll(OWNER);
			if (!owners.equals(permissions)) {
				Files.setPosixFilePermissions(path, owners);
			}
		}
		catch (IOException | SecurityException e) {
			log.warn("Could not make {} readable by its owner only: {}", path, e.toString());
		}
	}

	private static Path existingParent(Path folder) {
		Path parent = folder.toAbsolutePath();
		while (parent != null && !Files.exists(parent)) {
			parent = parent.getParent();
		}
		return parent == null ? folder.toAbsolutePath().getRoot() : parent;
	}

}
