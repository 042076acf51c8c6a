package ptlock.model.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ptlock.model.series.FileChange;
import ptlock.model.series.Patch;
import ptlock.model.series.ReviewComment;
import ptlock.model.series.Series;
import ptlock.model.series.SeriesFactory;

/**
 * Reads a patchwork "mbox series" page saved as text (the cover letter's subject and message id, its author and
 * date, the patch list, the diffstat, and the comments below it) into a Series model.
 */
public final class PatchworkPageImporter {
	/** Pages larger than this are not a patchwork page (and would take long to scan). */
	public static final int MAX_CHARS = 8 * 1024 * 1024;

	private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
	private static final Pattern TITLE = Pattern.compile("^\\[(?:[^\\]]*?)(\\d+)/(\\d+)\\] (.+)$");
	private static final Pattern AUTHOR_DATE = Pattern.compile("^(.+?) (" + MONTH + " \\d{1,2}, \\d{4}, .+? UTC)$");
	private static final Pattern COMMENT = Pattern.compile("^(.+?) (" + MONTH + " \\d{1,2}, \\d{4}, .+? UTC) \\| #(\\d+)$");
	private static final Pattern PATCH = Pattern.compile("^(\\d+)/(\\d+) (.+)$");
	private static final Pattern DIFFSTAT = Pattern.compile("^ (\\S+)\\s+\\|\\s+(\\d+) ?([+-]*)$");
	private static final Pattern SUMMARY = Pattern
			.compile("^ (\\d+) files? changed(?:, (\\d+) insertions?\\(\\+\\))?(?:, (\\d+) deletions?\\(-\\))?$");
	private static final Pattern VERSION = Pattern.compile("\\bv(\\d+)\\b");
	private static final Pattern BASE = Pattern.compile("based\\s+on\\s+(v\\d+\\.\\d+(?:-rc\\d+)?)");

	public Series read(String text) throws ImportException {
		if (text.length() > MAX_CHARS) {
			throw new ImportException(0, "the file is " + text.length() + " characters long; a patchwork page is far"
					+ " smaller (at most " + MAX_CHARS + ")");
		}
		String[] lines = text.split("\r?\n", -1);
		Series s = SeriesFactory.eINSTANCE.createSeries();
		int total = title(lines, s);
		int i = find(lines, 0, "^Message ID (.+)$");
		if (i < 0) {
			throw new ImportException(0, "no 'Message ID' line: not a patchwork series page");
		}
		s.setMessageId(lines[i].substring("Message ID ".length()).strip());
		int msg = find(lines, i, "^Message$");
		if (msg < 0 || msg + 1 >= lines.length) {
			throw new ImportException(i + 1, "no 'Message' section after the message id");
		}
		while (msg + 1 < lines.length && lines[msg + 1].isBlank()) {
			msg++;
		}
		Matcher ad = AUTHOR_DATE.matcher(msg + 1 < lines.length ? lines[msg + 1].strip() : "");
		if (!ad.matches()) {
			throw new ImportException(msg + 2, "expected the cover letter's author and date, like"
					+ " 'Hugh Dickins May 29, 2023, 6:11 a.m. UTC'");
		}
		s.setAuthor(ad.group(1));
		int comments = find(lines, msg, "^Comments$");
		int coverEnd = comments < 0 ? lines.length : comments;
		StringBuilder cover = new StringBuilder();
		for (int k = msg + 2; k < coverEnd; k++) {
			cover.append(lines[k]).append('\n');
			Matcher p = PATCH.matcher(lines[k]);
			if (p.matches() && Integer.parseInt(p.group(2)) == total) {
				Patch patch = SeriesFactory.eINSTANCE.createPatch();
				patch.setNumber(Integer.parseInt(p.group(1)));
				patch.setName(Names.patch(patch.getNumber()));
				patch.setSubject(p.group(3).strip());
				patch.setAuthor(s.getAuthor());
				s.getPatches().add(patch);
			}
			Matcher d = DIFFSTAT.matcher(lines[k]);
			if (d.matches()) {
				FileChange f = SeriesFactory.eINSTANCE.createFileChange();
				f.setPath(d.group(1));
				f.setInsertions((int) d.group(3).chars().filter(c -> c == '+').count());
				f.setDeletions((int) d.group(3).chars().filter(c -> c == '-').count());
				// remember the total for the scaled graphs (see diffstat())
				f.eAdapters().add(new Total(Integer.parseInt(d.group(2))));
				s.getFiles().add(f);
			}
			Matcher sum = SUMMARY.matcher(lines[k]);
			if (sum.matches()) {
				diffstat(s, k + 1, Integer.parseInt(sum.group(1)), num(sum.group(2)), num(sum.group(3)));
			}
		}
		s.setCoverLetter(cover.toString().strip());
		Matcher v = VERSION.matcher(s.getSubject());
		s.setVersion(v.find() ? Integer.parseInt(v.group(1)) : 1);
		Matcher b = BASE.matcher(s.getCoverLetter());
		s.setBase(b.find() ? b.group(1) : null);
		if (s.getPatches().isEmpty()) {
			throw new ImportException(msg + 2, "the cover letter lists no patch ('01/" + total + " subject' lines)");
		}
		if (s.getPatches().size() != total) {
			throw new ImportException(msg + 2, "the cover letter lists " + s.getPatches().size() + " of the " + total
					+ " patches: the page is truncated or malformed");
		}
		if (comments >= 0) {
			comments(lines, comments + 1, s);
		}
		s.setName(Names.series(s.getSubject()));
		return s;
	}

	/** [00/12] subject: the subject, and the number of patches. */
	private static int title(String[] lines, Series s) throws ImportException {
		for (int k = 0; k < Math.min(lines.length, 20); k++) {
			Matcher m = TITLE.matcher(lines[k].strip());
			if (m.matches()) {
				s.setSubject(m.group(3).strip());
				int total = Integer.parseInt(m.group(2));
				if (total < 1) {
					throw new ImportException(k + 1, "the series has no patches");
				}
				return total;
			}
		}
		throw new ImportException(1, "no '[00/NN] subject' line near the top: not a patchwork series page");
	}

	/**
	 * diffstat's +/- graph is scaled down for long lines: the counts of files whose graph is shorter than their total
	 * are derived from the summary's totals.
	 */
	private static void diffstat(Series s, int line, int files, int insertions, int deletions) throws ImportException {
		if (s.getFiles().size() != files) {
			throw new ImportException(line, "the diffstat lists " + s.getFiles().size() + " files but its summary says "
					+ files);
		}
		List<FileChange> scaled = new ArrayList<>();
		int ins = 0, del = 0;
		for (FileChange f : s.getFiles()) {
			int total = ((Total) f.eAdapters().get(0)).total;
			if (f.getInsertions() + f.getDeletions() == total) {
				ins += f.getInsertions();
				del += f.getDeletions();
			} else {
				scaled.add(f);
			}
		}
		int restIns = insertions - ins, restDel = deletions - del;
		for (int k = 0; k < scaled.size(); k++) {
			FileChange f = scaled.get(k);
			int total = ((Total) f.eAdapters().get(0)).total;
			if (k == scaled.size() - 1) {
				f.setInsertions(restIns);
				f.setDeletions(restDel);
			} else {
				double share = (double) f.getInsertions() / Math.max(1, f.getInsertions() + f.getDeletions());
				int i = (int) Math.round(total * share);
				f.setInsertions(i);
				f.setDeletions(total - i);
				restIns -= i;
				restDel -= total - i;
			}
		}
		s.getFiles().forEach(f -> f.eAdapters().clear());
	}

	/** "Author Date | #N" headers; a comment's own text leaves out quoted lines and attributions. */
	private static void comments(String[] lines, int from, Series s) {
		ReviewComment current = null;
		StringBuilder text = new StringBuilder();
		for (int k = from; k < lines.length; k++) {
			Matcher m = COMMENT.matcher(lines[k].strip());
			if (m.matches()) {
				finish(current, text);
				current = SeriesFactory.eINSTANCE.createReviewComment();
				current.setAuthor(m.group(1));
				current.setDate(m.group(2));
				s.getComments().add(current);
				text.setLength(0);
				continue;
			}
			if (current == null) {
				continue;
			}
			String l = lines[k];
			if (l.startsWith(">") || l.matches("^On .+ wrote:\\s*$")) {
				continue;
			}
			text.append(l).append('\n');
		}
		finish(current, text);
	}

	private static void finish(ReviewComment c, StringBuilder text) {
		if (c != null) {
			c.setText(text.toString().strip().replaceAll("\n{3,}", "\n\n"));
		}
	}

	private static int find(String[] lines, int from, String regex) {
		Pattern p = Pattern.compile(regex);
		for (int k = from; k < lines.length; k++) {
			if (p.matcher(lines[k].strip()).matches()) {
				return k;
			}
		}
		return -1;
	}

	private static int num(String s) {
		return s == null ? 0 : Integer.parseInt(s);
	}

	/** A file's changed-line total while the diffstat is read. */
	private static final class Total extends org.eclipse.emf.common.notify.impl.AdapterImpl {
		final int total;

		Total(int total) {
			this.total = total;
		}
	}
}
