package ptlock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.model.imports.ImportException;
import ptlock.model.imports.PatchworkPageImporter;
import ptlock.model.imports.SeriesStore;
import ptlock.model.series.FileChange;
import ptlock.model.series.Series;

/** The seed thread's patchwork page read into a Series model, and bad pages refused with the line at fault. */
class PatchworkPageImporterTest {
	@TempDir
	Path dir;

	static String seedPage() throws IOException {
		Path p = Path.of("").toAbsolutePath();
		while (p != null && !Files.isDirectory(p.resolve("specs/series"))) {
			p = p.getParent();
		}
		return Files.readString(p.resolve("specs/series/mm-free-retracted-page-table-by-rcu.txt"));
	}

	@Test
	void theSeedPage() throws Exception {
		Series s = new PatchworkPageImporter().read(seedPage());
		assertEquals("mm: free retracted page table by RCU", s.getSubject());
		assertEquals("35e983f5-7ed3-b310-d949-9ae8b130cdab@google.com", s.getMessageId());
		assertEquals("Hugh Dickins", s.getAuthor());
		assertEquals(1, s.getVersion());
		assertEquals("v6.4-rc3", s.getBase());
		assertTrue(s.getCoverLetter().startsWith("Here is the third series of patches to mm"));
		assertEquals(12, s.getPatches().size());
		assertEquals("mm/pgtable: add rcu_read_lock() and rcu_read_unlock()s", s.getPatches().get(0).getSubject());
		assertEquals("mm/khugepaged: retract_page_tables() without mmap or vma lock", s.getPatches().get(8).getSubject());
		assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
				s.getPatches().stream().map(p -> p.getNumber()).toList());
		assertEquals(16, s.getFiles().size());
		FileChange first = s.getFiles().get(0);
		assertEquals("arch/arm/mm/fault-armv.c", first.getPath());
		assertEquals(2, first.getInsertions());
		assertEquals(1, first.getDeletions());
		// the scaled graph of mm/khugepaged.c: its counts come from the summary's totals
		FileChange kh = s.getFiles().stream().filter(f -> f.getPath().equals("mm/khugepaged.c")).findFirst().orElseThrow();
		assertEquals(425, kh.getInsertions() + kh.getDeletions());
		assertEquals(253, s.getFiles().stream().mapToInt(FileChange::getInsertions).sum());
		assertEquals(353, s.getFiles().stream().mapToInt(FileChange::getDeletions).sum());
		assertEquals(List.of("Jann Horn", "Hugh Dickins", "Jann Horn", "Hugh Dickins"),
				s.getComments().stream().map(c -> c.getAuthor()).toList());
		assertEquals("May 31, 2023, 5:59 p.m. UTC", s.getComments().get(0).getDate());
		String jann = s.getComments().get(2).getText();
		assertTrue(jann.contains("whenever you lock an L1 page table"), "Jann's own words are kept");
		assertFalse(jann.contains("> The most obvious vital thing"), "quoted lines are left out");
	}

	@Test
	void savedAsXmiAndLoadedBack() throws Exception {
		Series s = new PatchworkPageImporter().read(seedPage());
		Path f = dir.resolve("series.xmi");
		new SeriesStore().save(s, f);
		Series back = new SeriesStore().load(f);
		assertEquals(12, back.getPatches().size());
		assertEquals(4, back.getComments().size());
		try (var files = Files.list(dir)) {
			assertEquals(List.of(f), files.toList(), "no temporary file left");
		}
	}

	@Test
	void truncatedPageIsRefused() throws Exception {
		String page = seedPage();
		String truncated = page.substring(0, page.indexOf("07/12 s390"));
		ImportException e = assertThrows(ImportException.class, () -> new PatchworkPageImporter().read(truncated));
		assertTrue(e.getMessage().contains("6 of the 12 patches"), e.getMessage());
		assertTrue(e.line() > 0);
	}

	@Test
	void malformedInputIsRefusedWithItsLine() throws Exception {
		PatchworkPageImporter imp = new PatchworkPageImporter();
		ImportException noTitle = assertThrows(ImportException.class, () -> imp.read("hello\nworld\n"));
		assertEquals(1, noTitle.line());
		String page = seedPage();
		String badAuthor = page.replace("Hugh Dickins May 29, 2023, 6:11 a.m. UTC", "somebody, some day");
		ImportException e = assertThrows(ImportException.class, () -> imp.read(badAuthor));
		assertTrue(e.getMessage().contains("author and date"), e.getMessage());
		String noPatches = page.replaceAll("(?m)^\\d\\d/12 .*$", "");
		assertTrue(assertThrows(ImportException.class, () -> imp.read(noPatches)).getMessage().contains("no patch"));
		assertThrows(ImportException.class, () -> imp.read("x".repeat(PatchworkPageImporter.MAX_CHARS + 1)));
	}
}
