package ptlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff-matrix between the series in its order and with patch 09 first: the flipped cells and their patches. */
class DiffMatrixTest {
	@TempDir
	Path dir;

	@Test
	void reorderingFlipsTheCellsBetweenPatch09AndEachArchitecturesDeferPatch() {
		String spec = CliRun.root().resolve("specs/seed/series_matrix.ptl").toString();
		Path a = dir.resolve("a.json");
		Path b = dir.resolve("b.json");
		assertEquals(ExitCode.OK, CliRun.of("matrix", spec, "--quiet", "--archs", "x86_64,powerpc64", "--json",
				a.toString(), "--out", dir.toString()).code());
		assertEquals(ExitCode.OK, CliRun.of("matrix", spec, "--quiet", "--archs", "x86_64,powerpc64", "--order",
				"p01,p02,p03,p04,p09,p05,p06,p07,p08,p10,p11,p12", "--json", b.toString(), "--out", dir.toString()).code());
		CliRun r = CliRun.of("diff-matrix", a.toString(), b.toString());
		assertEquals(ExitCode.OK, r.code(), r.err());
		// rows 5..7 of the reordered series (after p09, p05, p06, p07): x86_64 violated in all four rows, powerpc64
		// only after p09 (p05 fixes it)
		assertTrue(r.out().startsWith("5 cell(s) flipped"), r.out());
		assertTrue(r.out().contains("row 5 (A after p05, B after p09) on x86_64: holds -> no_use_after_free,"
				+ "no_write_to_detached,no_rw_in_ro_mapping; responsible: p09"), r.out());
		assertTrue(r.out().contains("row 5 (A after p05, B after p09) on powerpc64: holds -> "), r.out());
		assertTrue(!r.out().contains("row 6 (A after p06, B after p05) on powerpc64"), r.out());
		assertEquals(ExitCode.USAGE, CliRun.of("diff-matrix", a.toString()).code());
	}
}
