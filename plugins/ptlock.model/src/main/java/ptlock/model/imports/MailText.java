package ptlock.model.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Bytes of mail into text, as mail readers do it, and text the XMI model can hold. */
final class MailText {
	private MailText() {
	}

	/**
	 * The text of bytes in the declared charset. Undeclared (or declared us-ascii, which 8-bit mail often wrongly
	 * is), unknown, or wrong: UTF-8 if the bytes are UTF-8, else latin-1, which decodes any byte.
	 */
	static String decode(byte[] bytes, String declared) {
		Charset cs = charset(declared);
		if (cs != null) {
			String s = strict(bytes, cs);
			if (s != null) {
				return s;
			}
		}
		String utf8 = strict(bytes, StandardCharsets.UTF_8);
		return utf8 != null ? utf8 : new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static Charset charset(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String n = name.strip().toLowerCase(Locale.ROOT);
		if (n.equals("us-ascii") || n.equals("ascii") || n.equals("utf-8") || n.equals("utf8")) {
			// the fallback chain tries UTF-8 first anyway, and us-ascii 8-bit mail is UTF-8 or latin-1 in practice
			return null;
		}
		try {
			return Charset.forName(n);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String strict(byte[] bytes, Charset cs) {
		try {
			return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			return null;
		}
	}

	/**
	 * Text without the characters XML 1.0 cannot hold (C0 controls other than tab and newline, unpaired
	 * surrogates, U+FFFE/U+FFFF): the model is saved as XMI, and a form feed in a cover letter is not worth a
	 * failed save.
	 */
	static String printable(String s) {
		if (s == null) {
			return null;
		}
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\r') {
				continue;
			}
			if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				b.append(c).append(s.charAt(++i));
			} else if (c == '\n' || c == '\t' || !(c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c >= 0xfffe)) {
				b.append(c);
			}
		}
		return b.toString();
	}

	/** The first C0 control character or DEL (tab counts) in a one-line text, or -1. */
	static int firstControl(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				return c;
			}
		}
		return -1;
	}
}
