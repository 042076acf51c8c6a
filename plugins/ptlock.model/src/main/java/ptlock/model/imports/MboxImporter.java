package ptlock.model.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ptlock.model.series.FileChange;
import ptlock.model.series.Patch;
import ptlock.model.series.ReviewComment;
import ptlock.model.series.Series;
import ptlock.model.series.SeriesFactory;

/**
 * Reads an mbox, as 'git format-patch --cover-letter --stdout' or a lore thread download produce it, into a Series
 * model: the cover letter ([PATCH 0/N]) and its series diffstat, each patch with its own diffstat, and the replies
 * (Re: ...) as review comments with their own, unquoted, text.
 */
public final class MboxImporter {
	private static final Pattern SEPARATOR = Pattern.compile("^From \\S+ .*\\d{4}$");
	private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*):\\s?(.*)$");
	private static final Pattern SUBJECT = Pattern
			.compile("^\\[(?:RFC )?PATCH(?: v(\\d+))?(?: RFC)? (\\d+)/(\\d+)\\] (.+)$");
	private static final Pattern DIFFSTAT = Pattern.compile("^ (\\S+)\\s+\\|\\s+(\\d+) ?([+-]*)$");
	private static final Pattern BASE = Pattern.compile("(?:based on|base-commit:)\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
	private static final Pattern NAME = Pattern.compile("^\"?([^\"<]+?)\"?\\s*<[^>]+>$");

	/** One message: its headers (first value of each) and body lines, and the line it starts on. */
	private record Message(int line, Map<String, String> headers, List<String> body) {
	}

	/** Whether a text looks like an mbox (its first non-blank line is a 'From ' separator). */
	public static boolean looksLikeMbox(String text) {
		for (String l : text.split("\r?\n", 20)) {
			if (!l.isBlank()) {
				return SEPARATOR.matcher(l).matches();
			}
		}
		return false;
	}

	public Series read(String text) throws ImportException {
		if (text.length() > PatchworkPageImporter.MAX_CHARS * 4) {
			throw new ImportException(0, "the mbox is " + text.length() + " characters long: too large for a series");
		}
		List<Message> messages = split(text.split("\r?\n", -1));
		if (messages.isEmpty()) {
			throw new ImportException(1, "no message: an mbox starts each message with a 'From ' line");
		}
		Series s = SeriesFactory.eINSTANCE.createSeries();
		Map<Integer, Patch> patches = new LinkedHashMap<>();
		int total = -1;
		for (Message m : messages) {
			String subject = m.headers().getOrDefault("subject", "");
			String author = name(m.headers().getOrDefault("from", ""));
			String date = m.headers().get("date");
			if (subject.regionMatches(true, 0, "Re:", 0, 3)) {
				ReviewComment c = SeriesFactory.eINSTANCE.createReviewComment();
				c.setAuthor(author);
				c.setDate(date);
				c.setText(ownText(m.body()));
				s.getComments().add(c);
				continue;
			}
			Matcher sm = SUBJECT.matcher(subject);
			if (!sm.matches()) {
				throw new ImportException(m.line(), "subject '" + subject + "' is neither '[PATCH n/N] ...' nor a reply");
			}
			int number = Integer.parseInt(sm.group(2));
			int of = Integer.parseInt(sm.group(3));
			if (total >= 0 && of != total) {
				throw new ImportException(m.line(), "patch " + number + " says the series has " + of + " patches, not "
						+ total);
			}
			total = of;
			if (number == 0) {
				s.setSubject(sm.group(4).strip());
				s.setVersion(sm.group(1) == null ? 1 : Integer.parseInt(sm.group(1)));
				s.setAuthor(author);
				s.setMessageId(messageId(m));
				String body = String.join("\n", m.body()).strip();
				s.setCoverLetter(body);
				Matcher b = BASE.matcher(body);
				// "Based on v6.5-rc1." ends a sentence: the period is not part of the tag
				s.setBase(b.find() ? b.group(1).replaceAll("[.,;:]+$", "") : null);
				s.getFiles().addAll(diffstat(m.body()));
				continue;
			}
			if (patches.containsKey(number)) {
				throw new ImportException(m.line(), "patch " + number + " appears twice");
			}
			Patch p = SeriesFactory.eINSTANCE.createPatch();
			p.setNumber(number);
				p.setName(Names.patch(p.getNumber()));
			p.setSubject(sm.group(4).strip());
			p.setAuthor(author);
			p.setDate(date);
			p.getFiles().addAll(diffstat(m.body()));
			patches.put(number, p);
		}
		if (total < 1) {
			throw new ImportException(1, "no '[PATCH n/N]' message: not a patch series");
		}
		for (int n = 1; n <= total; n++) {
			if (!patches.containsKey(n)) {
				throw new ImportException(0, "patch " + n + " of " + total + " is missing: the mbox is truncated");
			}
		}
		if (s.getSubject() == null) {
			Patch only = patches.get(1);
			s.setSubject(only.getSubject());
			s.setAuthor(only.getAuthor());
		}
		patches.values().stream().sorted((a, b) -> Integer.compare(a.getNumber(), b.getNumber()))
				.forEach(s.getPatches()::add);
		s.setName(Names.series(s.getSubject()));
		return s;
	}

	private static List<Message> split(String[] lines) throws ImportException {
		List<Message> out = new ArrayList<>();
		int k = 0;
		while (k < lines.length) {
			if (!SEPARATOR.matcher(lines[k]).matches()) {
				if (!lines[k].isBlank() && out.isEmpty()) {
					throw new ImportException(k + 1, "expected a 'From ' line starting a message");
				}
				k++;
				continue;
			}
			int start = k + 1;
			k++;
			Map<String, String> headers = new LinkedHashMap<>();
			String last = null;
			while (k < lines.length && !lines[k].isEmpty()) {
				String l = lines[k];
				if ((l.startsWith(" ") || l.startsWith("\t")) && last != null) {
					headers.put(last, headers.get(last) + " " + l.strip());
				} else {
					Matcher h = HEADER.matcher(l);
					if (!h.matches()) {
						throw new ImportException(k + 1, "malformed header line '" + l + "'");
					}
					last = h.group(1).toLowerCase(java.util.Locale.ROOT);
					headers.putIfAbsent(last, h.group(2).strip());
				}
				k++;
			}
			if (!headers.containsKey("subject") || !headers.containsKey("from")) {
				throw new ImportException(start, "a message without From: or Subject:");
			}
			List<String> body = new ArrayList<>();
			k++;
			while (k < lines.length && !SEPARATOR.matcher(lines[k]).matches()) {
				// mboxrd quoting of body lines that look like separators
				body.add(lines[k].startsWith(">From ") ? lines[k].substring(1) : lines[k]);
				k++;
			}
			out.add(new Message(start, headers, body));
		}
		return out;
	}

	/** The files of the diffstat after '---' (exact counts: format-patch scales only very long lines). */
	private static List<FileChange> diffstat(List<String> body) {
		List<FileChange> out = new ArrayList<>();
		for (String l : body) {
			if (l.startsWith("diff --git")) {
				break;
			}
			Matcher d = DIFFSTAT.matcher(l);
			if (d.matches()) {
				FileChange f = SeriesFactory.eINSTANCE.createFileChange();
				f.setPath(d.group(1));
				int plus = (int) d.group(3).chars().filter(c -> c == '+').count();
				int minus = (int) d.group(3).chars().filter(c -> c == '-').count();
				int total = Integer.parseInt(d.group(2));
				if (plus + minus != total && plus + minus > 0) {
					plus = (int) Math.round(total * (double) plus / (plus + minus));
					minus = total - plus;
				}
				f.setInsertions(plus);
				f.setDeletions(minus);
				out.add(f);
			}
		}
		return out;
	}

	private static String ownText(List<String> body) {
		StringBuilder sb = new StringBuilder();
		for (String l : body) {
			if (l.startsWith(">") || l.matches("^On .+ wrote:\\s*$")) {
				continue;
			}
			sb.append(l).append('\n');
		}
		return sb.toString().strip().replaceAll("\n{3,}", "\n\n");
	}

	private static String messageId(Message m) {
		String id = m.headers().getOrDefault("message-id", "");
		return id.replaceAll("^<|>$", "");
	}

	private static String name(String from) {
		Matcher n = NAME.matcher(from.strip());
		return n.matches() ? n.group(1).strip() : from.strip();
	}
}
