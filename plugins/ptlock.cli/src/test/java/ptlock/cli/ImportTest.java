package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ptlock import: the seed page into XMI; a bad page is an error with its line, and no file is written. */
class ImportTest {
	@TempDir
	Path dir;

	private Path page() {
		return CliRun.root().resolve("specs/series/mm-free-retracted-page-table-by-rcu.txt");
	}

	@Test
	void theSeedPage() {
		Path xmi = dir.resolve("series.xmi");
		CliRun r = CliRun.of("import", page().toString(), "--out", xmi.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		assertTrue(r.out().contains("12 patches, 16 files (+253 -353), 4 review comments {Hugh Dickins=2, Jann Horn=2}"),
				r.out());
		assertTrue(Files.isRegularFile(xmi));
	}

	@Test
	void aTruncatedPageWritesNothing() throws IOException {
		String text = Files.readString(page());
		Path bad = dir.resolve("bad.txt");
		Files.writeString(bad, text.substring(0, text.indexOf("05/12 powerpc")));
		Path xmi = dir.resolve("bad.xmi");
		CliRun r = CliRun.of("import", bad.toString(), "--out", xmi.toString());
		assertEquals(ExitCode.SPEC_ERROR, r.code());
		assertTrue(r.err().contains("bad.txt:") && r.err().contains("4 of the 12 patches") && r.err().contains("[ptlock.import]"),
				r.err());
		assertFalse(Files.exists(xmi), "no partial model");
	}
}
