package ptlock.model.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An mbox split into its messages at its 'From ' lines, as mail tools split it: a separator is 'From ', the
 * sender, and an asctime date ('From 1a2b... Mon Sep 17 00:00:00 2001' of git format-patch, 'From git@z Thu Jan
 * 1 00:00:00 1970' of lore), so that a body line starting with 'From ' in prose does not split a message.
 * Body lines that mboxrd escaped ('>From ', '>>From ') lose one '>'.
 */
final class Mbox {
	private static final Pattern SEPARATOR = Pattern.compile("^From \\S+ +[A-Za-z]{3},? +[A-Za-z]{3} +\\d{1,2}"
			+ " +\\d{1,2}:\\d{2}(?::\\d{2})?(?: +[A-Za-z]{2,5})? +\\d{4}(?: +[+-]\\d{4})?\\s*$");

	/**
	 * One message without its separator: line is the 1-based mbox line of its 'From ' line, so the message's own
	 * line k (0-based) is mbox line line + 1 + k. Line ends are '\n'.
	 */
	record RawMessage(int line, byte[] bytes) {
	}

	private Mbox() {
	}

	/** Whether the first non-blank line is a separator. */
	static boolean looksLikeMbox(byte[] mbox) {
		int from = 0;
		for (int n = 0; n < 20 && from < mbox.length; n++) {
			int end = lineEnd(mbox, from);
			String l = latin1(mbox, from, end);
			if (!l.isBlank()) {
				return SEPARATOR.matcher(l).matches();
			}
			from = end + 1;
		}
		return false;
	}

	static List<RawMessage> split(byte[] mbox) throws ImportException {
		List<RawMessage> out = new ArrayList<>();
		ByteArrayOutputStream current = null;
		int currentLine = 0;
		int line = 0;
		for (int from = 0; from < mbox.length;) {
			int end = lineEnd(mbox, from);
			line++;
			int len = end - from;
			if (len > 0 && mbox[end - 1] == '\r') {
				len--;
			}
			String start = latin1(mbox, from, from + Math.min(len, 200));
			if (start.startsWith("From ") && SEPARATOR.matcher(latin1(mbox, from, from + len)).matches()) {
				if (current != null) {
					out.add(message(currentLine, current));
				}
				current = new ByteArrayOutputStream();
				currentLine = line;
			} else if (current == null) {
				if (!start.isBlank()) {
					throw new ImportException(line, "expected a 'From ' line starting a message (an mbox starts each"
							+ " message with one, like 'From 1a2b3c Mon Sep 17 00:00:00 2001')");
				}
			} else {
				int skip = mboxrdQuoted(mbox, from, len) ? 1 : 0;
				current.write(mbox, from + skip, len - skip);
				current.write('\n');
			}
			from = end + 1;
		}
		if (current != null) {
			out.add(message(currentLine, current));
		}
		return out;
	}

	/** The blank line that separates a message from the next 'From ' line belongs to the mbox, not the message. */
	private static RawMessage message(int line, ByteArrayOutputStream content) {
		byte[] b = content.toByteArray();
		int n = b.length;
		if (n >= 2 && b[n - 1] == '\n' && b[n - 2] == '\n') {
			n--;
		}
		return new RawMessage(line, n == b.length ? b : java.util.Arrays.copyOf(b, n));
	}

	/** '>From ', '>>From ', ...: a body line that mboxrd escaped. */
	private static boolean mboxrdQuoted(byte[] b, int from, int len) {
		int k = from;
		while (k < from + len && b[k] == '>') {
			k++;
		}
		return k > from && from + len - k >= 5 && latin1(b, k, k + 5).equals("From ");
	}

	private static int lineEnd(byte[] b, int from) {
		int k = from;
		while (k < b.length && b[k] != '\n') {
			k++;
		}
		return k;
	}

	private static String latin1(byte[] b, int from, int to) {
		return new String(b, from, Math.max(0, Math.min(to, b.length) - from), StandardCharsets.ISO_8859_1);
	}
}
