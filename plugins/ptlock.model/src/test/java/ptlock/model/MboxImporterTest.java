package ptlock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import ptlock.model.imports.ImportException;
import ptlock.model.imports.MboxImporter;
import ptlock.model.series.Series;

/** A format-patch style mbox (a fixture built for this test) read into a Series model; bad mboxes refused. */
class MboxImporterTest {
	static String fixture() throws IOException {
		try (InputStream in = MboxImporterTest.class.getResourceAsStream("/format-patch.mbox")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void coverLetterPatchesDiffstatsAndReplies() throws Exception {
		Series s = new MboxImporter().read(fixture());
		assertEquals("mm/khugepaged: retract page tables without mmap_lock", s.getSubject());
		assertEquals(2, s.getVersion());
		assertEquals("Hugh Dickins", s.getAuthor());
		assertEquals("fixture-cover@ptlock.invalid", s.getMessageId());
		assertEquals("v6.5-rc1", s.getBase());
		assertEquals(2, s.getFiles().size());
		assertEquals(List.of(1, 2, 3), s.getPatches().stream().map(p -> p.getNumber()).toList());
		// a folded Subject: header is one subject
		assertEquals("mm/khugepaged: retract_page_tables() without mmap or vma lock", s.getPatches().get(0).getSubject());
		assertEquals("Mon, 10 Jul 2023 21:04:40 -0700", s.getPatches().get(0).getDate());
		assertEquals(1, s.getPatches().get(0).getFiles().size());
		assertEquals(5, s.getPatches().get(0).getFiles().get(0).getInsertions());
		assertEquals(3, s.getPatches().get(0).getFiles().get(0).getDeletions());
		assertEquals(List.of("mm/khugepaged.c", "mm/memory.c"),
				s.getPatches().get(1).getFiles().stream().map(f -> f.getPath()).toList());
		assertEquals(List.of("Jann Horn", "Hugh Dickins"), s.getComments().stream().map(c -> c.getAuthor()).toList());
		String jann = s.getComments().get(0).getText();
		assertTrue(jann.startsWith("Whenever you lock an L1 page table"), jann);
		assertFalse(jann.contains("Simplify shmem"), "quoted lines are left out");
		assertTrue(jann.contains("From here on"), "an mboxrd-quoted '>From ' line is body text");
	}

	@Test
	void mboxesAreRecognisedByTheirFirstLine() throws Exception {
		assertTrue(MboxImporter.looksLikeMbox(fixture()));
		assertFalse(MboxImporter.looksLikeMbox(PatchworkPageImporterTest.seedPage()));
	}

	@Test
	void truncatedAndMalformedMboxesAreRefused() throws Exception {
		String mbox = fixture();
		String truncated = mbox.substring(0, mbox.indexOf("From 3333"));
		ImportException t = assertThrows(ImportException.class, () -> new MboxImporter().read(truncated));
		assertTrue(t.getMessage().contains("patch 3 of 3 is missing"), t.getMessage());
		assertEquals(4, t.line(), "the Subject: line of the cover letter, which says 0/3");
		ImportException header = assertThrows(ImportException.class,
				() -> new MboxImporter().read(mbox.replace("Date: Mon, 10 Jul 2023 21:05:53 -0700", "no colon here")));
		assertTrue(header.getMessage().contains("malformed header"), header.getMessage());
		assertEquals(59, header.line(), "the line of the malformed header");
		assertThrows(ImportException.class, () -> new MboxImporter().read("just text\n"));
		assertThrows(ImportException.class, () -> new MboxImporter().read(""));
	}
}
