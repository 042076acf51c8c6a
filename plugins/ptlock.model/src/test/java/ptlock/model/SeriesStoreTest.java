package ptlock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.model.imports.SeriesStore;
import ptlock.model.series.Series;

/** Saving a series where it cannot go says where and why, and leaves nothing behind. */
class SeriesStoreTest {
	@TempDir
	Path dir;

	private static Series series() throws Exception {
		return Mboxes.read("single-patch.mbox");
	}

	private List<Path> contents() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().toList();
		}
	}

	@Test
	void aFolderIsNotAFile() throws Exception {
		FileSystemException root = assertThrows(FileSystemException.class, () -> new SeriesStore().save(series(),
				Path.of("/")));
		assertEquals("/", root.getFile());
		assertTrue(root.getReason().contains("is a folder"), root.getReason());
		Files.createDirectory(dir.resolve("out"));
		FileSystemException folder = assertThrows(FileSystemException.class,
				() -> new SeriesStore().save(series(), dir.resolve("out")));
		assertEquals(dir.resolve("out").toString(), folder.getFile());
		assertEquals(List.of(dir.resolve("out")), contents());
	}

	@Test
	void aFolderThatIsNotThere() throws Exception {
		Path to = dir.resolve("missing/s.xmi");
		FileSystemException e = assertThrows(FileSystemException.class, () -> new SeriesStore().save(series(), to));
		assertEquals(to.toString(), e.getFile());
		assertTrue(e.getReason().contains("does not exist"), e.getReason());
		Path file = Files.writeString(dir.resolve("plain"), "x");
		FileSystemException under = assertThrows(FileSystemException.class,
				() -> new SeriesStore().save(series(), file.resolve("s.xmi")));
		assertTrue(under.getReason().contains("is not a folder"), under.getReason());
		assertEquals(List.of(file), contents());
	}

	@Test
	void aSaveLeavesOnlyTheFile() throws Exception {
		Path to = dir.resolve("s.xmi");
		new SeriesStore().save(series(), to);
		new SeriesStore().save(series(), to);
		assertEquals(List.of(to), contents(), "no temporary file left");
		assertEquals("pgtable: make the header comment a sentence", new SeriesStore().load(to).getSubject());
	}
}
