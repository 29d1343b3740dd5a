package org.acolhida.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class EmbeddedDataFolderTest {

	@TempDir
	Path temp;

	@BeforeEach
	void posixOnly() throws Exception {
		assumeThat(Files.getFileStore(temp).supportsFileAttributeView("posix")).as("a POSIX file system").isTrue();
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	private void start(String url, Path dataDir) {
		EmbeddedDataFolder folder = new EmbeddedDataFolder();
		folder.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", url)
			.withProperty("acolhida.data-dir", dataDir.toString()));
		folder.postProcessBeanFactory(new DefaultListableBeanFactory());
	}

	@Test
	void shouldCreateTheDataFolderForItsOwnerOnly() throws Exception {
		Path data = temp.resolve("world/data");

		start("jdbc:h2:file:" + data + "/acolhida", data);

		assertThat(data).isDirectory();
		assertThat(permissions(data)).isEqualTo("rwx------");
	}

	@Test
	void shouldTakeTheGroupsAndOthersPermissionsOffWhatIsAlreadyThere() throws Exception {
		Path data = Files.createDirectories(temp.resolve("data"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path database = Files.writeString(data.resolve("acolhida.mv.db"), "cases");
		Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
		Path trace = Files.writeString(data.resolve("acolhida.trace.db"), "sql");
		Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-rw-rw-"));
		Path backups = Files.createDirectories(data.resolve("backups"));
		Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxrwxr-x"));
		Path backup = Files.writeString(backups.resolve("old.zip"), "zip");
		Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("r--r--r--"));

		start("jdbc:h2:file:" + data + "/acolhida;AUTO_SERVER=TRUE", data);

		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(permissions(database)).isEqualTo("rw-------");
		assertThat(permissions(trace)).isEqualTo("rw-------");
		assertThat(permissions(backups)).isEqualTo("rwx------");
		assertThat(permissions(backup)).as("the owner's permissions stay as they were").isEqualTo("r--------");
	}

	@Test
	void shouldLeaveOtherDatabasesAndFoldersAlone() throws Exception {
		Path data = temp.resolve("data");
		Path elsewhere = Files.createDirectories(temp.resolve("home"));
		Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxr-xr-x"));

		start("jdbc:postgresql://localhost:5432/acolhida", data);
		start("jdbc:h2:mem:test;MODE=PostgreSQL", data);
		start("jdbc:h2:tcp://localhost/" + data + "/acolhida", data);
		start("jdbc:h2:file:" + elsewhere + "/acolhida", data);

		assertThat(data).doesNotExist();
		assertThat(permissions(elsewhere)).isEqualTo("rwxr-xr-x");
	}

	@Test
	void shouldFindTheDatabaseOfAnH2FileUrl() {
		assertThat(EmbeddedDataFolder.h2Database("jdbc:h2:file:./data/acolhida"))
			.contains(Path.of("data/acolhida").toAbsolutePath());
		assertThat(EmbeddedDataFolder.h2Database("jdbc:h2:./data/acolhida;MODE=PostgreSQL"))
			.contains(Path.of("data/acolhida").toAbsolutePath());
		assertThat(EmbeddedDataFolder.h2Database("jdbc:h2:file:~/acolhida"))
			.contains(Path.of(System.getProperty("user.home"), "acolhida"));
		assertThat(EmbeddedDataFolder.h2Database("jdbc:h2:mem:x")).isEmpty();
		assertThat(EmbeddedDataFolder.h2Database(null)).isEmpty();
	}

}
