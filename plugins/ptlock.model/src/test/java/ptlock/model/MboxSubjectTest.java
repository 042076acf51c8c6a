package ptlock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ptlock.model.Mboxes.files;
import static ptlock.model.Mboxes.names;
import static ptlock.model.Mboxes.subjects;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ptlock.model.imports.MboxImporter;
import ptlock.model.series.ReviewComment;
import ptlock.model.series.Series;

/** Subject prefixes as git format-patch writes them and b4 reads them, in two-patch series. */
class MboxSubjectTest {
	private static String mail(String subject, String path) {
		return "From ada@example.org Tue Jul 11 01:12:00 2023\nFrom: Ada Lindqvist <ada@example.org>\nSubject: "
				+ subject + "\n\nA change.\n---\ndiff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/"
				+ path + "\n@@ -1,2 +1,2 @@\n-old\n+new\n context\n\n";
	}

	/** A series of two patches whose subjects are prefix (with %d for the number) and a title. */
	private static Series twoPatches(String prefix) throws Exception {
		return new MboxImporter().read(mail(String.format(prefix, 1) + " mm: first", "mm/a.c")
				+ mail(String.format(prefix, 2) + " mm: second", "mm/b.c"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "[PATCH %d/2];1", "[PATCH net-next v3 %d/2];3", "[PATCH V2 %d/2];2",
			"[RFC PATCH v2 %d/2];2", "[PATCH RESEND %d/2];1", "[RFC][PATCH %d/2];1", "[PATCHv4 %02d/2];4",
			"[patch %d/2];1", "[PATCH mm-unstable v4 %03d/2];4", "[PATCH %d/2 v5];5", "[PATCH RFC v2 net-next %d/2];2",
			"[net-next] [PATCH v7 %d/2];7" })
	void prefixes(String prefix, int version) throws Exception {
		Series s = twoPatches(prefix);
		assertEquals(List.of("p01", "p02"), names(s));
		assertEquals(List.of("mm: first", "mm: second"), subjects(s));
		assertEquals(version, s.getVersion());
		assertEquals("mm: first", s.getSubject());
		assertEquals(List.of("mm/a.c +1 -1"), files(s, 1));
		assertEquals(List.of("mm/b.c +1 -1"), files(s, 2));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "[PATCH];1", "[PATCH v2];2", "[PATCH net];1", "[RFC PATCH v3 mm-hotfixes];3",
			"[PATCH RESEND];1" })
	void aPatchWithoutCounterIsASeriesOfOne(String prefix, int version) throws Exception {
		Series s = new MboxImporter().read(mail(prefix + " mm: only", "mm/a.c"));
		assertEquals(List.of("p01"), names(s));
		assertEquals(List.of("mm: only"), subjects(s));
		assertEquals(version, s.getVersion());
	}

	@Test
	void repliesAndForwardsAreNotPatches() throws Exception {
		String mbox = mail("[PATCH 1/2] mm: first", "mm/a.c")
				+ mail("Re: [PATCH 1/2] mm: first", "mm/x.c") + mail("RE: [PATCH 2/2] mm: second", "mm/x.c")
				+ mail("Aw: [PATCH 2/2] mm: second", "mm/x.c") + mail("Fwd: [PATCH 1/2] mm: first", "mm/x.c")
				+ mail("Fw: [PATCH 2/2] mm: second", "mm/x.c") + mail("[PATCH 2/2] mm: second", "mm/b.c")
				+ mail("Subject without brackets", "mm/x.c");
		Series s = new MboxImporter().read(mbox);
		assertEquals(List.of("p01", "p02"), names(s));
		assertEquals(List.of("mm/b.c +1 -1"), files(s, 2));
		// the replies (Re:, RE:, Aw:) are review comments; forwards and other mail are skipped
		assertEquals(3, s.getComments().size());
		assertEquals(List.of("Ada Lindqvist"), s.getComments().stream().map(ReviewComment::getAuthor).distinct().toList());
	}

	@Test
	void encodedAndFoldedSubjects() throws Exception {
		String mbox = mail("=?UTF-8?q?[PATCH_1/2]_mm:_caf=C3=A9?=", "mm/a.c")
				+ mail("[PATCH 2/2] mm: a subject folded\n onto two lines", "mm/b.c");
		Series s = new MboxImporter().read(mbox);
		assertEquals(List.of("mm: café", "mm: a subject folded onto two lines"), subjects(s));
	}
}
