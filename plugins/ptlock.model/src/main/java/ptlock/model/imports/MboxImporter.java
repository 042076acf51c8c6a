package ptlock.model.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ptlock.model.series.FileChange;
import ptlock.model.series.Patch;
import ptlock.model.series.ReviewComment;
import ptlock.model.series.Series;
import ptlock.model.series.SeriesFactory;

/**
 * Reads an mbox of a patch series ('git format-patch --stdout', 'git send-email', a lore or b4 thread download)
 * into a Series model, as mail tools read it: {@link Mbox} splits it, mime4j decodes each mail
 * ({@link MailMessage}), {@link SubjectLine} reads the subjects, {@link PatchText} the diffs. The cover letter
 * ([PATCH 0/M]) gives the title, description and series diffstat; each patch its files; replies (Re: ...) become
 * review comments with their own, unquoted, text; other mail is skipped. When the mbox holds several versions of
 * the series, the highest is read, as b4 does.
 *
 * <p>
 * Every problem is an {@link ImportException} with an mbox line: the Subject: line for what the subject says, the
 * 'From ' line for what the mail holds.
 */
public final class MboxImporter {
	/** Larger files are not a patch series (and would take long to decode). */
	public static final int MAX_BYTES = 4 * PatchworkPageImporter.MAX_CHARS;

	private static final Pattern BASE = Pattern.compile("(?:based on|base-commit:)\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
	private static final Pattern ATTRIBUTION = Pattern.compile("^On .+ wrote:\\s*$");

	/** A patch mail (or the cover letter) and what its subject says. */
	private record Posted(MailMessage mail, SubjectLine subject) {
	}

	/** Whether a text looks like an mbox (its first non-blank line is a 'From ' separator). */
	public static boolean looksLikeMbox(String text) {
		return looksLikeMbox(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Whether a file's bytes look like an mbox (its first non-blank line is a 'From ' separator). */
	public static boolean looksLikeMbox(byte[] bytes) {
		return Mbox.looksLikeMbox(bytes);
	}

	public Series read(String text) throws ImportException {
		return read(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The series an mbox holds; mail decides its own charsets, so this takes the file's bytes. */
	public Series read(byte[] mbox) throws ImportException {
		try {
			return readChecked(mbox);
		} catch (RuntimeException e) {
			// the mails' own failures have their lines (below); this is the last resort, so nothing escapes
			throw new ImportException(1, "the mbox cannot be read (" + e.getClass().getSimpleName() + ")");
		}
	}

	private Series readChecked(byte[] mbox) throws ImportException {
		if (mbox.length > MAX_BYTES) {
			throw new ImportException(1, "the mbox is " + mbox.length + " bytes long: too large for a series (at most "
					+ MAX_BYTES + ")");
		}
		List<Mbox.RawMessage> raws = Mbox.split(mbox);
		if (raws.isEmpty()) {
			throw new ImportException(1, "the file is empty: an mbox holds messages, each after a 'From ' line");
		}
		List<Posted> posted = new ArrayList<>();
		List<MailMessage> replies = new ArrayList<>();
		for (Mbox.RawMessage raw : raws) {
			try {
				MailMessage m = MailMessage.parse(raw);
				SubjectLine sl = SubjectLine.parse(m.subject(), m.subjectLine());
				switch (sl.kind()) {
				case PATCH -> posted.add(new Posted(m, sl));
				case REPLY -> replies.add(m);
				default -> {
					// a forward, a bot's report, a pull request: not part of the series
				}
				}
			} catch (RuntimeException e) {
				// whatever a library does with hostile bytes, the user gets the mail it happened in
				throw new ImportException(raw.line(), "the mail cannot be read (" + e.getClass().getSimpleName()
						+ (e.getMessage() == null ? "" : ": " + MailText.printable(e.getMessage())) + ")");
			}
		}
		if (posted.isEmpty()) {
			throw new ImportException(raws.get(0).line(), "no patch: none of the " + raws.size() + " mails has a"
					+ " '[PATCH ...]' subject (replies and other mail are not patches)");
		}
		return series(latestVersion(posted), replies);
	}

	/** The mails of the highest version (a thread download can hold v2 and, in reply to it, v3). */
	private static List<Posted> latestVersion(List<Posted> posted) {
		int v = posted.stream().mapToInt(p -> p.subject().version()).max().orElse(1);
		return posted.stream().filter(p -> p.subject().version() == v).toList();
	}

	private static Series series(List<Posted> posted, List<MailMessage> replies) throws ImportException {
		Posted first = posted.get(0);
		int total = first.subject().total();
		Posted cover = null;
		Map<Integer, Posted> byNumber = new TreeMap<>();
		for (Posted p : posted) {
			SubjectLine sl = p.subject();
			int line = p.mail().subjectLine();
			if (sl.total() != total) {
				throw new ImportException(line, "'" + sl.counter() + "': this mail says the series has " + sl.total()
						+ " patch" + (sl.total() == 1 ? "" : "es") + ", the mail at line " + first.mail().subjectLine()
						+ " ('" + first.subject().counter() + "') says " + total);
			}
			Posted before = sl.cover() ? cover : byNumber.get(sl.number());
			if (before != null) {
				throw new ImportException(line, (sl.cover() ? "a second cover letter (0/" + total + ")"
						: "patch " + sl.number() + " of " + total + " appears twice") + ": first at line "
						+ before.mail().subjectLine() + (sl.counted() ? ""
								: " (a '[PATCH]' without N/M is a series of one patch)"));
			}
			if (sl.cover()) {
				cover = p;
			} else {
				byNumber.put(sl.number(), p);
			}
		}
		for (int n = 1; n <= total; n++) {
			if (!byNumber.containsKey(n)) {
				throw new ImportException(first.mail().subjectLine(), "patch " + n + " of " + total
						+ " is missing: the mbox is truncated or incomplete");
			}
		}
		Series s = SeriesFactory.eINSTANCE.createSeries();
		Posted head = cover != null ? cover : byNumber.get(1);
		s.setSubject(MailText.printable(head.subject().title()));
		s.setVersion(head.subject().version());
		s.setAuthor(head.mail().author());
		s.setMessageId(head.mail().messageId());
		if (cover != null) {
			s.setCoverLetter(MailText.printable(cover.mail().text()).strip());
		}
		s.setBase(base(cover, byNumber.values()));
		List<PatchText.FileStat> coverStat = cover == null ? List.of() : PatchText.read(cover.mail().text()).diffstat();
		Map<String, int[]> seriesFiles = new LinkedHashMap<>();
		for (Posted p : byNumber.values()) {
			Patch patch;
			try {
				patch = patch(p);
			} catch (RuntimeException e) {
				throw new ImportException(p.mail().line(), "the diff of this mail cannot be read ("
						+ e.getClass().getSimpleName() + ")");
			}
			s.getPatches().add(patch);
			for (FileChange f : patch.getFiles()) {
				int[] c = seriesFiles.computeIfAbsent(f.getPath(), k -> new int[2]);
				c[0] += f.getInsertions();
				c[1] += f.getDeletions();
			}
		}
		if (!coverStat.isEmpty()) {
			coverStat.forEach(f -> s.getFiles().add(file(f.path(), f.insertions(), f.deletions())));
		} else {
			// no cover letter diffstat: the series changes what its patches change
			seriesFiles.forEach((path, c) -> s.getFiles().add(file(path, c[0], c[1])));
		}
		for (MailMessage r : replies) {
			ReviewComment c = SeriesFactory.eINSTANCE.createReviewComment();
			c.setAuthor(r.author());
			c.setDate(r.date());
			c.setText(ownText(r.text()));
			s.getComments().add(c);
		}
		s.setName(Names.series(s.getSubject()));
		return s;
	}

	/** A patch and its files: those of its diff, or, for a mail with no diff, of its diffstat. */
	private static Patch patch(Posted p) throws ImportException {
		SubjectLine sl = p.subject();
		PatchText text = PatchText.read(p.mail().text());
		String which = "patch " + sl.number() + " of " + sl.total();
		if (text.cutShort() != null) {
			throw new ImportException(p.mail().line(), which + ": the diff of " + MailText.printable(text.cutShort())
					+ " is cut short (a hunk has fewer lines than its @@ header says): the mail is truncated or"
					+ " corrupt");
		}
		List<PatchText.FileStat> files = text.diff().isEmpty() ? text.diffstat() : text.diff();
		if (files.isEmpty()) {
			throw new ImportException(p.mail().line(), which + " ('" + MailText.printable(sl.title()) + "') holds"
					+ " neither a diff nor a diffstat: the mail is truncated, or its patch is in a part that is not"
					+ " text");
		}
		Patch patch = SeriesFactory.eINSTANCE.createPatch();
		patch.setNumber(sl.number());
		patch.setName(Names.patch(sl.number()));
		patch.setSubject(MailText.printable(sl.title()));
		patch.setAuthor(p.mail().author());
		patch.setDate(p.mail().date());
		files.forEach(f -> patch.getFiles().add(file(f.path(), f.insertions(), f.deletions())));
		return patch;
	}

	private static FileChange file(String path, int insertions, int deletions) {
		FileChange f = SeriesFactory.eINSTANCE.createFileChange();
		f.setPath(MailText.printable(path));
		f.setInsertions(insertions);
		f.setDeletions(deletions);
		return f;
	}

	/** 'base-commit:' (git format-patch --base) or 'Based on ...' in the cover letter, else in a patch. */
	private static String base(Posted cover, Iterable<Posted> patches) {
		List<Posted> where = new ArrayList<>();
		if (cover != null) {
			where.add(cover);
		}
		patches.forEach(where::add);
		for (Posted p : where) {
			Matcher b = BASE.matcher(p.mail().text());
			if (b.find()) {
				// "Based on v6.5-rc1." ends a sentence: the period is not part of the tag
				return MailText.printable(b.group(1).replaceAll("[.,;:]+$", ""));
			}
		}
		return null;
	}

	/** A reply's own words: without quoted lines and the 'On ..., X wrote:' attributions. */
	private static String ownText(String body) {
		StringBuilder sb = new StringBuilder();
		for (String l : body.split("\r?\n", -1)) {
			if (l.startsWith(">") || ATTRIBUTION.matcher(l).matches()) {
				continue;
			}
			sb.append(l).append('\n');
		}
		return MailText.printable(sb.toString()).strip().replaceAll("\n{3,}", "\n\n");
	}
}
