package ptlock.lang.ide.fix;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quick fix of ptlock.unchecked-nolock-write (Jann Horn's rule): guard the PTE write through a *_nolock pointer
 * with the pmd_same() recheck under the lock, so the write happens only if the PMD entry still points at the table
 * the pointer was looked up in: {@code set_pte_at(p, v);} becomes {@code if (pmd_same(p)) set_pte_at(p, v);}. A
 * guard rather than an early return keeps the locks and the mapping balanced whatever the code after it does.
 */
public final class RecheckFix {
	/** Replace length characters at offset by text. */
	public record Edit(int offset, int length, String text) {
		public String applyTo(String source) {
			return source.substring(0, offset) + text + source.substring(offset + length);
		}
	}

	private static final Pattern CALL = Pattern.compile("(\\w+)\\s*\\(\\s*(\\w+)");

	private RecheckFix() {
	}

	/**
	 * @param start the start of the flagged write (the problem's offset)
	 * @return the edit, or empty if the text there is not a call whose first argument is a pointer name
	 */
	public static Optional<Edit> at(String source, int start) {
		if (start < 0 || start >= source.length()) {
			return Optional.empty();
		}
		int end = source.indexOf(';', start);
		if (end < 0) {
			return Optional.empty();
		}
		String stmt = source.substring(start, end + 1);
		Matcher m = CALL.matcher(stmt);
		if (!m.lookingAt()) {
			return Optional.empty();
		}
		int lineStart = source.lastIndexOf('\n', start - 1) + 1;
		String indent = source.substring(lineStart, start).replaceAll("\\S.*", "");
		String guarded = "if (pmd_same(" + m.group(2) + "))\n" + indent + "\t" + stmt;
		return Optional.of(new Edit(start, stmt.length(), guarded));
	}
}
