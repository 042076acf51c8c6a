package ptlock.model.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * One mail of an mbox, decoded by mime4j: its headers (folded, RFC 2047 encoded words, 8-bit), and the text of its
 * text parts (quoted-printable, base64, 7/8-bit, in their charsets), the patch attachments of a multipart mail
 * included.
 *
 * @param line        the mbox line of the mail's 'From ' separator
 * @param subjectLine the mbox line of its Subject: header (its 'From ' line if it has none)
 * @param text        the text parts, in order, joined by newlines
 */
record MailMessage(int line, int subjectLine, String subject, String author, String date, String messageId,
		String text) {

	/** No limits on lines or headers (a long diff line is a diff line); nothing refused that a reader shows. */
	private static final MimeConfig CONFIG = MimeConfig.custom().setStrictParsing(false).setMaxLineLen(-1)
			.setMaxHeaderCount(-1).setMaxHeaderLen(-1).setMaxContentLen(-1).build();
	private static final Pattern HEADER_NAME = Pattern.compile("^[!-9;-~]+:.*");
	private static final Pattern ANGLE = Pattern.compile("^(.*?)\\s*<[^<>]*>\\s*$");
	private static final Pattern COMMENT_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");
	/** git send-email puts the author's From: (and Date:) first in the body when the sender is someone else. */
	private static final Pattern IN_BODY_FROM = Pattern.compile("^From:\\s*(.+)\\n(?:Date:.*\\n)?\\n");

	static MailMessage parse(Mbox.RawMessage raw) throws ImportException {
		int subjectLine = checkHeaders(raw);
		Map<String, String> headers = new HashMap<>();
		List<String> texts = new ArrayList<>();
		try {
			MimeTokenStream ts = new MimeTokenStream(CONFIG);
			ts.parse(new ByteArrayInputStream(raw.bytes()));
			boolean topHeader = true;
			for (EntityState st = ts.getState(); st != EntityState.T_END_OF_STREAM; st = ts.next()) {
				if (st == EntityState.T_FIELD && topHeader) {
					Field f = ts.getField();
					headers.putIfAbsent(f.getNameLowerCase(), value(f));
				} else if (st == EntityState.T_END_HEADER) {
					topHeader = false;
				} else if (st == EntityState.T_BODY && isText(ts.getBodyDescriptor())) {
					byte[] bytes = ts.getDecodedInputStream().readAllBytes();
					texts.add(MailText.decode(bytes, ts.getBodyDescriptor().getCharset()));
				}
			}
		} catch (MimeException | IOException e) {
			throw new ImportException(raw.line(), "the mail cannot be read as MIME: " + e.getMessage());
		}
		String text = String.join("\n", texts).replace("\r\n", "\n");
		String author = name(headers.getOrDefault("from", ""));
		Matcher inBody = IN_BODY_FROM.matcher(text);
		if (inBody.lookingAt()) {
			author = name(decodeWords(inBody.group(1)));
			text = text.substring(inBody.end());
		}
		String id = oneLine(headers.getOrDefault("message-id", "").replaceAll("^\\s*<|>\\s*$", ""));
		return new MailMessage(raw.line(), subjectLine, headers.getOrDefault("subject", ""), oneLine(author),
				oneLine(headers.get("date")), id.isEmpty() ? null : id, text);
	}

	/**
	 * The header block must be headers (a line that is neither 'Name: value' nor a continuation is an error at its
	 * mbox line, where mime4j would quietly start the body); returns the Subject: line.
	 */
	private static int checkHeaders(Mbox.RawMessage raw) throws ImportException {
		byte[] b = raw.bytes();
		int subject = raw.line();
		int line = raw.line();
		for (int from = 0, k = 0; from < b.length; k++) {
			int end = from;
			while (end < b.length && b[end] != '\n') {
				end++;
			}
			String l = new String(b, from, end - from, StandardCharsets.ISO_8859_1);
			line = raw.line() + 1 + k;
			if (l.isEmpty()) {
				return subject;
			}
			boolean continuation = l.startsWith(" ") || l.startsWith("\t");
			if (continuation ? k == 0 : !HEADER_NAME.matcher(l).matches()) {
				String shown = MailText.printable(l).replaceAll("\\s+", " ");
				throw new ImportException(line, "malformed header line '"
						+ (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown)
						+ "' (a header is 'Name: value'; a blank line ends the headers)");
			}
			if (subject == raw.line() && l.regionMatches(true, 0, "Subject:", 0, 8)) {
				subject = line;
			}
			from = end + 1;
		}
		return subject;
	}

	/** text/plain, and patches attached as text/x-patch, text/x-diff and the like; not HTML. */
	private static boolean isText(BodyDescriptor d) {
		String type = d.getMimeType() == null ? "text/plain" : d.getMimeType().toLowerCase(Locale.ROOT);
		return type.startsWith("text/") && !type.equals("text/html") || type.equals("application/x-patch")
				|| type.equals("application/x-diff");
	}

	/** A header's value from its raw bytes (mime4j's own value loses 8-bit bytes): unfolded, words decoded. */
	private static String value(Field f) {
		String raw = MailText.decode(f.getRaw().toByteArray(), null);
		int colon = raw.indexOf(':');
		return decodeWords(MimeUtil.unfold(colon < 0 ? raw : raw.substring(colon + 1)).strip());
	}

	private static String decodeWords(String s) {
		try {
			return DecoderUtil.decodeEncodedWords(s, DecodeMonitor.SILENT);
		} catch (RuntimeException e) {
			return s; // a malformed encoded word stays as it was written
		}
	}

	/** 'Name <addr>', '"Last, First" <addr>', 'addr (Name)', 'addr': the name, else the address. */
	static String name(String from) {
		String f = from.strip();
		Matcher a = ANGLE.matcher(f);
		if (a.matches() && !a.group(1).isBlank()) {
			String n = a.group(1).strip();
			if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
				n = n.substring(1, n.length() - 1).replaceAll("\\\\(.)", "$1");
			}
			return n.strip();
		}
		Matcher c = COMMENT_NAME.matcher(f);
		if (c.matches()) {
			return c.group(1).strip();
		}
		return f.replaceAll("^<|>$", "");
	}

	private static String oneLine(String s) {
		return s == null ? null : MailText.printable(s).replaceAll("\\s+", " ").strip();
	}
}
