package ptlock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ptlock.model.Mboxes.files;
import static ptlock.model.Mboxes.names;
import static ptlock.model.Mboxes.read;
import static ptlock.model.Mboxes.subjects;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.model.imports.MboxImporter;
import ptlock.model.imports.SeriesStore;
import ptlock.model.series.Patch;
import ptlock.model.series.ReviewComment;
import ptlock.model.series.Series;

/**
 * The mbox corpus (src/test/resources/mbox): one invented series in each form mail takes, read into the same
 * model; the patch count, names, subjects, files of each patch and the title, not just "no exception".
 */
class MboxCorpusTest {
	static final String TITLE = "mm: recheck the pmd under the pte lock";
	static final List<String> WALK = List.of("mm/pt_walk: recheck the pmd after taking the pte lock",
			"mm/pgtable: add pte_offset_map_nolock()", "s390, powerpc: free page table fragments by RCU");
	static final List<List<String>> WALK_FILES = List.of(List.of("mm/pt_walk.c +7 -0"),
			List.of("include/linux/pgtable.h +11 -0", "mm/pt_walk.c +2 -1"),
			List.of("arch/powerpc/mm/pgtable-frag.c +4 -2", "arch/s390/mm/pgalloc.c +1 -1"));
	/** The cover letter's diffstat. */
	static final List<String> WALK_DIFFSTAT = List.of("arch/powerpc/mm/pgtable-frag.c +4 -2",
			"arch/s390/mm/pgalloc.c +1 -1", "include/linux/pgtable.h +11 -0", "mm/pt_walk.c +9 -1");

	@TempDir
	Path dir;

	/** The three patches of the invented mm series, whatever the mail's encoding. */
	private static void walkPatches(Series s) {
		assertEquals(List.of("p01", "p02", "p03"), names(s));
		assertEquals(List.of(1, 2, 3), s.getPatches().stream().map(Patch::getNumber).toList());
		assertEquals(WALK, subjects(s));
		for (int n = 1; n <= 3; n++) {
			assertEquals(WALK_FILES.get(n - 1), files(s, n), "patch " + n);
		}
		assertTrue(s.getPatches().stream().allMatch(p -> p.getAuthor().equals("Ada Lindqvist")), "authors");
	}

	@Test
	void formatPatchWithCoverLetter() throws Exception {
		Series s = read("format-patch-cover.mbox");
		assertEquals(TITLE, s.getSubject());
		assertEquals("mm_recheck_the_pmd_under_the_pte_lock", s.getName());
		assertEquals(2, s.getVersion());
		assertEquals("Ada Lindqvist", s.getAuthor());
		// git format-patch --base
		assertEquals("63dbabeab4280a1610995f7d0595bf4457619a23", s.getBase());
		assertTrue(s.getCoverLetter().startsWith("Page table walkers that map a pte table"), s.getCoverLetter());
		assertTrue(s.getCoverLetter().contains("v2: recheck with pmd_same()"), s.getCoverLetter());
		assertEquals(WALK_DIFFSTAT, files(s.getFiles()));
		walkPatches(s);
		assertEquals("Tue, 11 Jul 2023 01:12:00 +0200", s.getPatches().get(0).getDate());
		assertTrue(s.getComments().isEmpty());
	}

	@Test
	void sendEmailQuotedPrintableWithTheAuthorInTheBody() throws Exception {
		Series s = read("send-email-qp.mbox");
		assertEquals(TITLE, s.getSubject());
		assertEquals(1, s.getVersion());
		// the cover letter is the sender's; each patch names its author in an in-body From: (git send-email)
		assertEquals("Mira Okafor", s.getAuthor());
		assertEquals("20230711061200.4242-0-mira@example.com", s.getMessageId());
		// a soft line break (=\n) joins the line again
		assertTrue(s.getCoverLetter().contains("shared fragments of s390 and powerpc after an\nRCU grace period"),
				s.getCoverLetter());
		assertFalse(s.getCoverLetter().contains("=3D") || s.getCoverLetter().contains("=\n"), s.getCoverLetter());
		assertEquals(WALK_DIFFSTAT, files(s.getFiles()));
		// the hunks count right only once '=3D' and the soft breaks of the long @@ lines are decoded
		walkPatches(s);
	}

	@Test
	void base64BodiesWithoutCoverLetter() throws Exception {
		Series s = read("base64.mbox");
		walkPatches(s);
		// no cover letter: the first patch names the series, and its files are those of the patches
		assertEquals(WALK.get(0), s.getSubject());
		assertEquals("b64-1@example.org", s.getMessageId());
		assertNull(s.getCoverLetter());
		assertEquals(List.of("mm/pt_walk.c +9 -1", "include/linux/pgtable.h +11 -0",
				"arch/powerpc/mm/pgtable-frag.c +4 -2", "arch/s390/mm/pgalloc.c +1 -1"), files(s.getFiles()));
	}

	@Test
	void latin1BodiesAndAnEncodedAuthorName() throws Exception {
		Series s = read("latin1.mbox");
		assertEquals(List.of("p01"), names(s));
		assertEquals("pgtable: make the header comment a sentence", s.getSubject());
		// From: =?iso-8859-1?q?Ren=E9e_Faur=E9?=
		assertEquals("Renée Fauré", s.getAuthor());
		assertEquals("Renée Fauré", s.getPatches().get(0).getAuthor());
		assertEquals(List.of("include/linux/pgtable.h +1 -1"), files(s, 1));
		// declared iso-8859-1; undeclared 8-bit latin-1 (not UTF-8: latin-1); undeclared 8-bit UTF-8
		assertEquals(List.of("Jürgen Müller", "François Leclerc", "Bjørn Haugen"),
				s.getComments().stream().map(ReviewComment::getAuthor).toList());
		assertEquals(List.of("Acked-by: Jürgen Müller. Grüße!", "Très bien, merci Renée.", "Looks good – takk, Renée."),
				s.getComments().stream().map(ReviewComment::getText).toList());
	}

	@Test
	void undeclaredLatin1InThePatchItself() throws Exception {
		String mbox = new String(Mboxes.bytes("latin1.mbox"), StandardCharsets.ISO_8859_1)
				.replace("Content-Type: text/plain; charset=ISO-8859-1\n", "");
		Series s = new MboxImporter().read(mbox.getBytes(StandardCharsets.ISO_8859_1));
		assertEquals(List.of("include/linux/pgtable.h +1 -1"), files(s, 1));
		assertEquals("Renée Fauré", s.getAuthor());
	}

	@Test
	void aSinglePatchIsASeriesOfOne() throws Exception {
		Series s = read("single-patch.mbox");
		assertEquals(List.of("p01"), names(s));
		assertEquals(1, s.getPatches().get(0).getNumber());
		assertEquals("pgtable: make the header comment a sentence", s.getSubject());
		assertEquals("pgtable_make_the_header_comment_a_sentence", s.getName());
		assertEquals(1, s.getVersion());
		// git's own RFC 2047 encoding of a UTF-8 name
		assertEquals("Renée Fauré", s.getAuthor());
		assertEquals(List.of("include/linux/pgtable.h +1 -1"), files(s, 1));
		assertEquals(List.of("include/linux/pgtable.h +1 -1"), files(s.getFiles()));
	}

	@Test
	void aTreeTagAndAVersion() throws Exception {
		Series s = read("net-next-v3.mbox");
		assertEquals(3, s.getVersion());
		assertEquals(List.of("p01", "p02", "p03", "p04"), names(s));
		assertEquals(List.of("net: acme: start with the carrier off", "net: acme: turn the carrier off on stop",
				"net: acme: report byte counters", "net: acme: report dropped packets"), subjects(s));
		assertEquals("net: acme: start with the carrier off", s.getSubject());
		assertEquals("Bjørn Haugen", s.getAuthor());
		assertEquals(List.of("drivers/net/ethernet/acme/acme_main.c +1 -0"), files(s, 1));
		assertEquals(List.of("drivers/net/ethernet/acme/acme_main.c +1 -0"), files(s, 2));
		assertEquals(List.of("net/core/dev_stats.c +2 -0"), files(s, 3));
		assertEquals(List.of("drivers/net/ethernet/acme/acme_main.c +1 -1", "net/core/dev_stats.c +1 -0"), files(s, 4));
		assertEquals(List.of("drivers/net/ethernet/acme/acme_main.c +3 -1", "net/core/dev_stats.c +3 -0"),
				files(s.getFiles()));
	}

	@Test
	void anRfcWithCoverLetterAndAFoldedSubject() throws Exception {
		Series s = read("rfc-v2-cover.mbox");
		assertEquals(TITLE, s.getSubject());
		assertEquals(2, s.getVersion());
		assertTrue(s.getCoverLetter().startsWith("An RFC: is rechecking the pmd enough"), s.getCoverLetter());
		assertEquals(WALK_DIFFSTAT, files(s.getFiles()));
		// patch 1's Subject: is folded onto two lines in this file
		walkPatches(s);
	}

	@Test
	void aResentSeries() throws Exception {
		Series s = read("resend.mbox");
		assertEquals(List.of("p01", "p02", "p03", "p04", "p05"), names(s));
		assertEquals(List.of("mm/pt_walk: say what the caller holds", "mm/pt_walk: comment next",
				"pgtable: a blank line before the endif", "s390/mm: let page_table_free be overridden",
				"powerpc/mm: mark the unused argument"), subjects(s));
		assertEquals(1, s.getVersion());
		assertEquals(List.of("mm/pt_walk.c +1 -1"), files(s, 2));
		assertEquals(List.of("include/linux/pgtable.h +1 -0"), files(s, 3));
		assertEquals(List.of("arch/powerpc/mm/pgtable-frag.c +1 -1"), files(s, 5));
	}

	@Test
	void patchesAttachedToMultipartMail() throws Exception {
		Series s = read("multipart-attachment.mbox");
		assertEquals(List.of("p01", "p02"), names(s));
		assertEquals(List.of("net: acme: start with the carrier off", "net: acme: turn the carrier off on stop"),
				subjects(s));
		// 1/2: text/x-patch, its 'From <sha>' line mboxrd-escaped; 2/2: text/x-diff in base64
		assertEquals(List.of("drivers/net/ethernet/acme/acme_main.c +1 -0"), files(s, 1));
		assertEquals(List.of("drivers/net/ethernet/acme/acme_main.c +1 -0"), files(s, 2));
		assertEquals("Bjørn Haugen", s.getPatches().get(1).getAuthor());
	}

	@Test
	void aThreadWithTwoVersionsRepliesAndOtherMail() throws Exception {
		Series s = read("thread-with-replies.mbox");
		// v1 and v2 are in the thread: the highest version is the series
		assertEquals(2, s.getVersion());
		assertEquals(TITLE, s.getSubject());
		assertEquals("v2-0@example.org", s.getMessageId());
		walkPatches(s);
		assertEquals(WALK_DIFFSTAT, files(s.getFiles()));
		// Re: and RE: are review comments (their own words only); the Fwd: and the [GIT PULL] are not the series
		assertEquals(List.of("Jonas Berg", "Berg, Jonas", "Ada Lindqvist"),
				s.getComments().stream().map(ReviewComment::getAuthor).toList());
		assertEquals(List.of("Compare with pmd_same() on the value you read, not pmd_val() of a second read.",
				"Reviewed-by: Jonas Berg <jonas@example.com>", "Thanks!"),
				s.getComments().stream().map(ReviewComment::getText).toList());
	}

	@Test
	void mboxrdEscapedFromLines() throws Exception {
		Series s = read("mboxrd-from.mbox");
		// a '>From ' line that looks like a separator does not split the cover letter, and loses its '>'
		assertEquals(List.of("p01"), names(s));
		assertEquals("mm/pt_walk: recheck the pmd", s.getSubject());
		assertTrue(s.getCoverLetter().startsWith("From the walker's side nothing changes: the retry is cheap.\n"
				+ "From ada@example.org Tue Jul 11 01:12:00 2023\n>From a reply: recheck.\n"), s.getCoverLetter());
		assertEquals(List.of("mm/pt_walk.c +7 -0"), files(s, 1));
		assertEquals(List.of("mm/pt_walk.c +7 -0"), files(s.getFiles()));
	}

	@Test
	void everyCorpusFileLooksLikeAnMboxAndSavesAsXmi() throws Exception {
		for (String f : List.of("base64.mbox", "format-patch-cover.mbox", "latin1.mbox", "mboxrd-from.mbox",
				"multipart-attachment.mbox", "net-next-v3.mbox", "resend.mbox", "rfc-v2-cover.mbox",
				"send-email-qp.mbox", "single-patch.mbox", "thread-with-replies.mbox")) {
			assertTrue(MboxImporter.looksLikeMbox(Mboxes.bytes(f)), f);
			Series s = read(f);
			Path xmi = dir.resolve(f + ".xmi");
			new SeriesStore().save(s, xmi);
			Series back = new SeriesStore().load(xmi);
			assertEquals(s.getSubject(), back.getSubject(), f);
			assertEquals(names(s), names(back), f);
			assertEquals(s.getAuthor(), back.getAuthor(), f);
		}
	}
}
