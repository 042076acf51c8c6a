package ptlock.model.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail subject read as git format-patch writes it and b4 reads it: leading bracketed groups ('[PATCH net-next v3
 * 1/4]', '[RFC][PATCH 1/2]', '[PATCHv2 0/3]'), then the title. A group with the word PATCH (any case) makes the
 * mail a patch; the groups' words give the counter N/M, the version vN, RFC, RESEND, and tags (a tree or list,
 * 'net-next', 'mm-unstable'). 'Re:' makes it a reply, 'Fwd:' a forward, whatever follows.
 *
 * @param number the N of N/M; 1 for a '[PATCH]' without a counter; 0 for a cover letter
 * @param total  the M of N/M; 1 for a '[PATCH]' without a counter
 * @param counted whether the subject had an N/M
 */
record SubjectLine(Kind kind, int number, int total, boolean counted, int version, boolean rfc, boolean resend,
		List<String> tags, String title) {

	enum Kind {
		PATCH, REPLY, FORWARD, OTHER
	}

	/** Patch numbers beyond this are not a series a person posts (and would make absurd models). */
	static final int MAX_PATCHES = 999;

	private static final Pattern REPLY = Pattern.compile("^(?i:re|aw|sv|antw)\\s*(?:\\[\\d+\\])?\\s*:.*");
	private static final Pattern FORWARD = Pattern.compile("^(?i:fwd?|wg)\\s*:.*");
	private static final Pattern COUNTER = Pattern.compile("^(\\d+)/(\\d+)$");
	private static final Pattern VERSION = Pattern.compile("^[vV](\\d+)$");
	private static final Pattern PATCH_WORD = Pattern.compile("^(?i:patch)(?:[-_]?[vV](\\d+))?$");
	private static final Pattern DIGITS = Pattern.compile("\\d+");

	/**
	 * The subject, unfolded and decoded, read; line (the mbox line of the Subject: header) locates the problems.
	 *
	 * @throws ImportException for a patch subject whose counter is not a series' (0/0, 3/2, numbers too large) or
	 *                         that holds a control character
	 */
	static SubjectLine parse(String subject, int line) throws ImportException {
		String s = subject.replaceAll("[\\t\\r\\n]+", " ").strip();
		int control = MailText.firstControl(s);
		if (control >= 0) {
			throw new ImportException(line, String.format(Locale.ROOT,
					"the subject holds the control character U+%04X: not a subject git format-patch writes", control));
		}
		if (REPLY.matcher(s).matches()) {
			return other(Kind.REPLY, s);
		}
		if (FORWARD.matcher(s).matches()) {
			return other(Kind.FORWARD, s);
		}
		List<String> words = new ArrayList<>();
		int k = 0;
		while (k < s.length() && s.charAt(k) == '[') {
			int close = s.indexOf(']', k);
			if (close < 0) {
				break;
			}
			for (String w : s.substring(k + 1, close).split("[\\s,]+")) {
				if (!w.isEmpty()) {
					words.add(w);
				}
			}
			k = close + 1;
			while (k < s.length() && s.charAt(k) == ' ') {
				k++;
			}
		}
		String title = s.substring(k).strip();
		boolean patch = false;
		Integer number = null, total = null, version = null;
		boolean rfc = false, resend = false;
		List<String> tags = new ArrayList<>();
		for (String w : words) {
			Matcher p = PATCH_WORD.matcher(w);
			Matcher c = COUNTER.matcher(w);
			Matcher v = VERSION.matcher(w);
			if (p.matches()) {
				patch = true;
				if (p.group(1) != null) {
					version = version == null ? number(p.group(1), "version", line) : version;
				}
			} else if (c.matches() && number == null) {
				number = number(c.group(1), "patch number", line);
				total = number(c.group(2), "patch count", line);
			} else if (v.matches() && version == null) {
				version = number(v.group(1), "version", line);
			} else if (w.equalsIgnoreCase("RFC")) {
				rfc = true;
			} else if (w.equalsIgnoreCase("RESEND")) {
				resend = true;
			} else {
				tags.add(w);
			}
		}
		if (!patch) {
			return other(Kind.OTHER, s);
		}
		if (number == null) {
			return new SubjectLine(Kind.PATCH, 1, 1, false, version == null ? 1 : version, rfc, resend, List.copyOf(tags),
					title);
		}
		if (total == 0) {
			throw new ImportException(line, "'" + number + "/" + total + "' in the subject: a series has at least one patch");
		}
		if (number > total) {
			throw new ImportException(line, "'" + number + "/" + total + "' in the subject: patch " + number
					+ " of a series of " + total);
		}
		return new SubjectLine(Kind.PATCH, number, total, true, version == null ? 1 : version, rfc, resend,
				List.copyOf(tags), title);
	}

	/** Whether this is a cover letter ([PATCH 0/M]). */
	boolean cover() {
		return kind == Kind.PATCH && number == 0;
	}

	/** The counter for messages: "3/5", or "[PATCH]" for a subject without one. */
	String counter() {
		return counted ? number + "/" + total : "[PATCH]";
	}

	private static SubjectLine other(Kind kind, String s) {
		return new SubjectLine(kind, 0, 0, false, 1, false, false, List.of(), s);
	}

	/** A counter's number; the digits are checked before they are parsed, so 11 digits are an error, not a crash. */
	private static int number(String digits, String what, int line) throws ImportException {
		String d = digits.replaceFirst("^0+(?=\\d)", "");
		if (!DIGITS.matcher(d).matches() || d.length() > 3 || Integer.parseInt(d) > MAX_PATCHES) {
			throw new ImportException(line, "the " + what + " " + digits + " in the subject is too large (at most "
					+ MAX_PATCHES + ")");
		}
		return Integer.parseInt(d);
	}
}
