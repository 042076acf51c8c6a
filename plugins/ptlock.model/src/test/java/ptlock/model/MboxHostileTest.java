package ptlock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ptlock.model.Mboxes.files;
import static ptlock.model.Mboxes.names;
import static ptlock.model.Mboxes.refused;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ptlock.model.imports.ImportException;
import ptlock.model.imports.MboxImporter;
import ptlock.model.imports.SeriesStore;
import ptlock.model.series.Series;

/**
 * Mboxes that are not a series, or not mail: each refused with an ImportException that says why and names the
 * mbox line (the Subject: line for what a subject says, the 'From ' line for what a mail holds); none crashes.
 */
class MboxHostileTest {
	@TempDir
	Path dir;

	/** The format-patch series of the corpus: cover letter (line 1, Subject: line 4) and patches 1/3 to 3/3. */
	private static String series() {
		return Mboxes.text("format-patch-cover.mbox");
	}

	/** The 1-based line of the first line that starts with prefix. */
	private static int lineOf(String mbox, String prefix) {
		String[] lines = mbox.split("\n", -1);
		for (int k = 0; k < lines.length; k++) {
			if (lines[k].startsWith(prefix)) {
				return k + 1;
			}
		}
		throw new AssertionError("no line " + prefix);
	}

	/** A mail with the given subject and a one-hunk diff of path. */
	private static String mail(String subject, String path) {
		return "From ada@example.org Tue Jul 11 01:12:00 2023\n" + "From: Ada Lindqvist <ada@example.org>\n"
				+ "Subject: " + subject + "\n\n" + "A change.\n---\n" + " " + path + " | 1 +\n"
				+ " 1 file changed, 1 insertion(+)\n\n" + "diff --git a/" + path + " b/" + path + "\n--- a/" + path
				+ "\n+++ b/" + path + "\n@@ -1 +1,2 @@\n line\n+added\n-- \n2.39.5\n\n";
	}

	private static void assertMessage(ImportException e, int line, String... parts) {
		for (String p : parts) {
			assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
		}
		assertEquals(line, e.line(), e.getMessage());
	}

	@Test
	void duplicatePatchNumbers() {
		// 01/12 twelve times: not twelve patches named p01
		StringBuilder mbox = new StringBuilder();
		for (int k = 0; k < 12; k++) {
			mbox.append(mail("[PATCH 01/12] mm: change " + k, "mm/f" + k + ".c"));
		}
		String text = mbox.toString();
		assertMessage(refused(text), lineOf(text, "Subject: [PATCH 01/12] mm: change 1"),
				"patch 1 of 12 appears twice", "first at line 3");
	}

	@Test
	void aPatchNumberAboveTheCount() {
		String mbox = series().replace("[PATCH v2 3/3]", "[PATCH v2 3/2]");
		assertMessage(refused(mbox), 127, "'3/2' in the subject: patch 3 of a series of 2");
	}

	@Test
	void elevenDigitNumbers() {
		String mbox = series().replace("[PATCH v2 2/3]", "[PATCH v2 12345678901/12345678902]");
		assertMessage(refused(mbox), 73, "the patch number 12345678901 in the subject is too large (at most 999)");
		assertMessage(refused(series().replace("[PATCH v2 0/3]", "[PATCH v2 0/1000]")), 4,
				"the patch count 1000 in the subject is too large");
		assertMessage(refused(series().replace("[PATCH v2 0/3]", "[PATCH v99999999999 0/3]")), 4,
				"the version 99999999999 in the subject is too large");
	}

	@Test
	void aMissingPatch() {
		String s = series();
		String mbox = s.substring(0, s.indexOf("From 0000", s.indexOf("[PATCH v2 1/3]")))
				+ s.substring(s.indexOf("From 0000", s.indexOf("[PATCH v2 2/3]")));
		assertMessage(refused(mbox), 4, "patch 2 of 3 is missing: the mbox is truncated or incomplete");
	}

	@Test
	void countsThatDifferBetweenMails() {
		assertMessage(refused(series().replace("[PATCH v2 2/3]", "[PATCH v2 2/4]")), 73,
				"'2/4': this mail says the series has 4 patches, the mail at line 4 ('0/3') says 3");
		// a '[PATCH]' is a series of one: not part of a numbered series
		assertMessage(refused(series().replace("[PATCH v2 2/3]", "[PATCH v2]")), 73,
				"'[PATCH]': this mail says the series has 1 patch, the mail at line 4 ('0/3') says 3");
	}

	@Test
	void twoCoverLettersAndZeroPatches() {
		assertMessage(refused(series().replace("[PATCH v2 1/3]", "[PATCH v2 0/3]")), 35,
				"a second cover letter (0/3): first at line 4");
		assertMessage(refused(series().replace("[PATCH v2 0/3]", "[PATCH v2 0/0]")), 4,
				"'0/0' in the subject: a series has at least one patch");
	}

	@Test
	void twoUnnumberedPatches() {
		String mbox = mail("[PATCH] mm: one", "mm/a.c") + mail("[PATCH] mm: another", "mm/b.c");
		assertMessage(refused(mbox), lineOf(mbox, "Subject: [PATCH] mm: another"), "patch 1 of 1 appears twice",
				"first at line 3", "a '[PATCH]' without N/M is a series of one patch");
	}

	@Test
	void aRepeatedDiffstatLineIsOneFile() throws Exception {
		String line = " mm/pt_walk.c                   | 10 +++++++++-\n";
		assertTrue(series().contains(line));
		Series s = new MboxImporter().read(series().replace(line, line + line + line));
		assertEquals(MboxCorpusTest.WALK_DIFFSTAT, files(s.getFiles()));
		// a patch whose diffstat repeats a line, and has no diff: its files are the diffstat's, each once
		String only = mail("[PATCH] mm: stat only", "mm/a.c");
		only = only.substring(0, only.indexOf("diff --git")).replace(" mm/a.c | 1 +\n", " mm/a.c | 1 +\n".repeat(4));
		Series one = new MboxImporter().read(only);
		assertEquals(List.of("mm/a.c +1 -0"), files(one, 1));
	}

	@Test
	void aNulInASubject() throws Exception {
		assertMessage(refused(series().replace("[PATCH v2 1/3] mm/pt_walk:", "[PATCH v2 1/3] mm/pt_walk:\0")), 35,
				"the subject holds the control character U+0000");
		assertMessage(refused(series().replace("[PATCH v2 2/3] mm/pgtable:", "[PATCH v2 2/3] \u001b[31mmm/pgtable:")),
				73, "the subject holds the control character U+001B");
		// elsewhere (a name, a cover letter) control characters are left out, and the model saves as XMI
		Series s = new MboxImporter().read(series().replace("From: Ada Lindqvist", "From: Ada\0 Lindqvist")
				.replace("Page table walkers", "Page\0 table\f walkers"));
		assertEquals("Ada Lindqvist", s.getAuthor());
		assertTrue(s.getCoverLetter().startsWith("Page table walkers"), s.getCoverLetter());
		Path xmi = dir.resolve("nul.xmi");
		new SeriesStore().save(s, xmi);
		assertEquals("Ada Lindqvist", new SeriesStore().load(xmi).getAuthor());
	}

	@Test
	void anEmptyFile() {
		assertMessage(refused(new byte[0]), 1, "the file is empty");
		assertMessage(refused("\n\n  \n"), 1, "the file is empty");
	}

	@Test
	void binaryGarbage() {
		byte[] garbage = new byte[4096];
		new Random(42).nextBytes(garbage);
		garbage[0] = 'x';
		assertMessage(refused(garbage), 1, "expected a 'From ' line starting a message");
		// garbage after a separator: its 'headers' are not headers
		byte[] after = ("From ada@example.org Tue Jul 11 01:12:00 2023\n").getBytes(StandardCharsets.US_ASCII);
		byte[] both = Arrays.copyOf(after, after.length + garbage.length);
		System.arraycopy(garbage, 0, both, after.length, garbage.length);
		assertMessage(refused(both), 2, "malformed header line");
	}

	@Test
	void aTruncatedMail() {
		String s = series();
		// cut inside the last hunk of 3/3: the text ends before the hunk's lines do
		String cut = s.substring(0, s.indexOf("\tstruct page *page = virt_to_page(table);\n \n-\tif (atomic_dec_and_test",
				s.indexOf("[PATCH v2 3/3]")));
		assertMessage(refused(cut), 124, "patch 3 of 3: the diff of arch/powerpc/mm/pgtable-frag.c is cut short",
				"truncated");
		// cut in the headers of 3/3: no diff at all
		String headers = s.substring(0, s.indexOf("\n", s.indexOf("Subject: [PATCH v2 3/3]")) + 1);
		assertMessage(refused(headers), 124, "patch 3 of 3 ('s390, powerpc: free page table fragments by RCU') holds"
				+ " neither a diff nor a diffstat");
		// a hunk that the next file starts inside
		String shortHunk = s.replace("@@ -6,6 +6,8 @@ void pte_fragment_free", "@@ -6,9 +6,11 @@ void pte_fragment_free");
		assertMessage(refused(shortHunk), 124, "the diff of arch/powerpc/mm/pgtable-frag.c is cut short");
	}

	@Test
	void noPatchAtAll() {
		String mbox = "From j@example.com Wed Jul 12 09:00:00 2023\nFrom: Jonas Berg <jonas@example.com>\n"
				+ "Subject: Re: [PATCH 1/3] mm: a change\n\nLooks fine.\n\n"
				+ "From j@example.com Wed Jul 12 10:00:00 2023\nFrom: Jonas Berg <jonas@example.com>\n"
				+ "Subject: [GIT PULL] mm: fixes\n\nPlease pull.\n";
		assertMessage(refused(mbox), 1, "no patch: none of the 2 mails has a '[PATCH ...]' subject");
		assertMessage(refused("just text\n"), 1, "expected a 'From ' line");
	}

	@Test
	void aMalformedHeaderIsAtItsLine() {
		String mbox = series().replace("Date: Wed, 12 Jul 2023 02:12:00 +0200", "no colon here");
		assertMessage(refused(mbox), 72, "malformed header line 'no colon here'");
	}

	/**
	 * Mutations of a good mbox (bytes flipped, NULs and 8-bit bytes inserted, cut anywhere): each is a series or
	 * an ImportException with a line, never another exception.
	 */
	@Test
	void nothingCrashes() {
		byte[] good = series().getBytes(StandardCharsets.UTF_8);
		Random r = new Random(7);
		int imported = 0;
		for (int k = 0; k < 400; k++) {
			byte[] b = Arrays.copyOf(good, k % 4 == 0 ? r.nextInt(good.length) : good.length);
			for (int m = 0; m < 1 + r.nextInt(8); m++) {
				if (b.length > 0) {
					b[r.nextInt(b.length)] = (byte) switch (r.nextInt(4)) {
					case 0 -> 0;
					case 1 -> '\n';
					case 2 -> 0x80 + r.nextInt(128);
					default -> r.nextInt(256);
					};
				}
			}
			try {
				Series s = new MboxImporter().read(b);
				assertFalse(s.getPatches().isEmpty());
				imported++;
			} catch (ImportException e) {
				assertTrue(e.line() >= 1 && e.getMessage() != null && !e.getMessage().isBlank(), e.getMessage());
			}
		}
		assertTrue(imported > 0, "some mutations are still a series");
		assertEquals(List.of("p01", "p02", "p03"), names(assertImports(good)));
	}

	private static Series assertImports(byte[] mbox) {
		try {
			return new MboxImporter().read(mbox);
		} catch (ImportException e) {
			throw new AssertionError(e.getMessage(), e);
		}
	}
}
