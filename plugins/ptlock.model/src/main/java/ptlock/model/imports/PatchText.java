package ptlock.model.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the decoded text of a patch mail says about the files it changes: the files of its diff, with the lines
 * each hunk adds and removes (exact, where a diffstat's graph is scaled and its long paths are cut to '.../'),
 * and its diffstat, for a mail with no diff (a cover letter).
 *
 * @param diff      the files of the diff, in order, each once
 * @param diffstat  the files of the diffstat, in order, each once
 * @param cutShort  the first file with a hunk shorter than its '@@' header says (the text ends inside it, or the
 *                  next file starts inside it: the mail is truncated or corrupt), or null
 */
record PatchText(List<FileStat> diff, List<FileStat> diffstat, String cutShort) {

	/** A file and its line counts. */
	record FileStat(String path, int insertions, int deletions) {
	}

	private static final Pattern DIFFSTAT = Pattern.compile("^ (.*\\S)\\s+\\|\\s+(\\d{1,9})(?: ([+-]*))?\\s*$");
	private static final Pattern DIFFSTAT_BINARY = Pattern.compile("^ (.*\\S)\\s+\\|\\s+Bin\\b.*$");
	private static final Pattern SUMMARY = Pattern.compile("^ \\d{1,9} files? changed\\b.*$");
	private static final Pattern RENAME_IN_BRACES = Pattern.compile("^(.*)\\{(.*) => (.*)\\}(.*)$");
	private static final Pattern HUNK = Pattern.compile("^@@ -\\d{1,9}(?:,(\\d{1,9}))? \\+\\d{1,9}(?:,(\\d{1,9}))? @@.*$");

	static PatchText read(String text) {
		String[] lines = text.split("\r?\n", -1);
		Diff d = new Diff();
		for (int k = 0; k < lines.length; k++) {
			d.line(lines, k);
		}
		String broken = d.broken != null ? d.broken : d.remainingOld > 0 || d.remainingNew > 0 ? d.path : null;
		return new PatchText(d.files(), diffstat(lines), broken);
	}

	/**
	 * The lines of diffstat blocks: contiguous ' path | N +-' lines that end at a ' N files changed' summary, so
	 * that a table in prose is not a diffstat. A path listed twice is counted once.
	 */
	private static List<FileStat> diffstat(String[] lines) {
		Map<String, FileStat> out = new LinkedHashMap<>();
		for (int k = 0; k < lines.length; k++) {
			if (lines[k].startsWith("diff --git ")) {
				break;
			}
			if (!SUMMARY.matcher(lines[k]).matches()) {
				continue;
			}
			int first = k;
			while (first > 0 && (DIFFSTAT.matcher(lines[first - 1]).matches()
					|| DIFFSTAT_BINARY.matcher(lines[first - 1]).matches())) {
				first--;
			}
			for (int j = first; j < k; j++) {
				FileStat f = diffstatLine(lines[j]);
				out.putIfAbsent(f.path(), f);
			}
		}
		return List.copyOf(out.values());
	}

	private static FileStat diffstatLine(String l) {
		Matcher d = DIFFSTAT.matcher(l);
		if (!d.matches()) {
			Matcher b = DIFFSTAT_BINARY.matcher(l);
			b.matches();
			return new FileStat(renamed(b.group(1).strip()), 0, 0);
		}
		String graph = d.group(3) == null ? "" : d.group(3);
		int plus = (int) graph.chars().filter(c -> c == '+').count();
		int minus = (int) graph.chars().filter(c -> c == '-').count();
		int total = Integer.parseInt(d.group(2));
		// the graph is scaled down for large changes: share the total in its proportions
		if (plus + minus != total && plus + minus > 0) {
			plus = (int) Math.round(total * (double) plus / (plus + minus));
			minus = total - plus;
		}
		return new FileStat(renamed(d.group(1).strip()), plus, minus);
	}

	/** 'a => b' and 'dir/{a => b}/f' of a rename: the new path. */
	private static String renamed(String path) {
		Matcher braces = RENAME_IN_BRACES.matcher(path);
		if (braces.matches()) {
			return (braces.group(1) + braces.group(3) + braces.group(4)).replace("//", "/");
		}
		int arrow = path.indexOf(" => ");
		return arrow >= 0 ? path.substring(arrow + 4) : path;
	}

	/** The diff read line by line: 'diff --git' and '---'/'+++' headers start files, hunks count their lines. */
	private static final class Diff {
		private final Map<String, int[]> files = new LinkedHashMap<>();
		String path;
		String broken;
		private String minusPath;
		int remainingOld, remainingNew;

		void line(String[] lines, int k) {
			String l = lines[k];
			if ((remainingOld > 0 || remainingNew > 0) && l.startsWith("diff --git ")) {
				// the next file starts inside a hunk: the hunk is cut short
				broken = broken == null ? path : broken;
				remainingOld = remainingNew = 0;
			}
			if (remainingOld > 0 || remainingNew > 0) {
				hunkLine(l);
				return;
			}
			if (l.startsWith("diff --git ")) {
				start(gitPath(l.substring("diff --git ".length())));
			} else if (l.startsWith("--- ") && k + 1 < lines.length && lines[k + 1].startsWith("+++ ")) {
				minusPath = headerPath(l.substring(4), "a/");
			} else if (l.startsWith("+++ ") && k > 0 && lines[k - 1].startsWith("--- ")) {
				String plus = headerPath(l.substring(4), "b/");
				String p = plus == null ? minusPath : plus;
				if (p != null && !p.equals(path)) {
					rename(p);
				}
			} else if (l.startsWith("rename to ") && path != null) {
				rename(unquote(l.substring("rename to ".length())));
			} else if (path != null) {
				Matcher h = HUNK.matcher(l);
				if (h.matches()) {
					remainingOld = h.group(1) == null ? 1 : Integer.parseInt(h.group(1));
					remainingNew = h.group(2) == null ? 1 : Integer.parseInt(h.group(2));
				}
			}
		}

		private void hunkLine(String l) {
			int[] c = files.get(path);
			if (l.startsWith("\\")) {
				return; // '\ No newline at end of file'
			}
			if (l.startsWith("-")) {
				c[1]++;
				remainingOld--;
			} else if (l.startsWith("+")) {
				c[0]++;
				remainingNew--;
			} else {
				// a context line; mailers strip the space of an empty one
				remainingOld--;
				remainingNew--;
			}
			remainingOld = Math.max(0, remainingOld);
			remainingNew = Math.max(0, remainingNew);
		}

		private void start(String p) {
			path = p;
			files.putIfAbsent(p, new int[2]);
		}

		/** The +++ or 'rename to' path replaces the one guessed from the 'diff --git' line. */
		private void rename(String p) {
			if (p.equals(path)) {
				return;
			}
			if (path != null) {
				int[] old = files.get(path);
				if (old != null && old[0] == 0 && old[1] == 0) {
					files.remove(path);
				}
			}
			start(p);
		}

		List<FileStat> files() {
			List<FileStat> out = new ArrayList<>();
			files.forEach((p, c) -> out.add(new FileStat(p, c[0], c[1])));
			return List.copyOf(out);
		}

		/** 'a/X b/X': X (the two halves are equal unless the file is renamed; then the +++ line says). */
		private static String gitPath(String rest) {
			if (rest.startsWith("\"")) {
				int end = rest.indexOf("\" ", 1);
				String b = end < 0 ? rest : rest.substring(end + 2);
				return strip(unquote(b), "b/");
			}
			int half = (rest.length() - 1) / 2;
			if (rest.length() % 2 == 1 && rest.charAt(half) == ' ' && rest.startsWith("a/")
					&& rest.substring(half + 1).startsWith("b/")
					&& rest.substring(2, half).equals(rest.substring(half + 3))) {
				return rest.substring(2, half);
			}
			int b = rest.lastIndexOf(" b/");
			return b >= 0 ? rest.substring(b + 3) : rest;
		}

		/** '--- a/X\tdate', '+++ b/X', '+++ /dev/null': the path without its prefix, null for /dev/null. */
		private static String headerPath(String s, String prefix) {
			String p = s.startsWith("\"") ? unquote(s) : s.replaceFirst("\t.*$", "").strip();
			if (p.equals("/dev/null")) {
				return null;
			}
			return strip(p, prefix);
		}

		private static String strip(String p, String prefix) {
			return p.startsWith(prefix) ? p.substring(prefix.length()) : p;
		}
	}

	/** A path git quoted (it has a space, a quote or a non-ASCII byte in it): the C escapes undone. */
	private static String unquote(String s) {
		if (!s.startsWith("\"")) {
			return s;
		}
		StringBuilder b = new StringBuilder();
		for (int i = 1; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"') {
				break;
			}
			if (c == '\\' && i + 1 < s.length()) {
				char e = s.charAt(++i);
				switch (e) {
				case 'n' -> b.append('\n');
				case 't' -> b.append('\t');
				default -> b.append(e);
				}
			} else {
				b.append(c);
			}
		}
		return b.toString();
	}
}
