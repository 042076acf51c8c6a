package ptlock.lang.ide.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quick fix of ptlock.unchecked-nolock-write (Jann Horn's rule): make the PTE write through a pointer from a
 * lockless map happen only while the PMD entry still links the table the pointer was looked up in, under the ptl
 * of that table. {@code set_pte_at(p, v);} becomes {@code if (pmd_same(...)) set_pte_at(p, v);}, the recheck in the
 * form the file's library has: the prelude's {@code pmd_same(p)}, or the kernel's {@code pmd_same(pmdval,
 * pmdp_get_lockless(s))} of v6.13's pte_offset_map_rw_nolock() callers (the map is turned into
 * {@code pte_offset_map_rw_nolock(s, e, &pmdval, &ptl)} to give it the value it read). A guard rather than the
 * kernel's bail-out ({@code if (!pmd_same(...)) { pte_unmap_unlock(); goto again; }}) keeps the locks and the
 * mapping balanced whatever the code after it does, and is as safe for the write it guards: under the ptl that the
 * map gave, the PMD entry cannot stop linking the table (retract_page_tables(), collapse_pte_mapped_thp() and the
 * other detachers clear it holding the pmd lock and that ptl), so the entry seen linking it by pmd_same() still
 * links it at the write.
 *
 * <p>
 * The recheck is only worth anything under the ptl of the table the pointer maps. Where the ptl was computed again
 * from a second read of the PMD entry ({@code ptl = pte_lockptr(mm, pmd)} after {@code pte_offset_map()}: arm's
 * adjust_pte() before patch 03 of the seed series, v3.x's move_ptes() and remove_migration_pte()), pmd_same() under
 * it is not enough: the second read may have seen another table (or none), and the lock held is then that other
 * table's, which does not keep the entry from changing away from the table written after the check. The kernel's
 * fix is patch 03's: take the ptl that comes with the map (pte_offset_map_nolock()), so this fix does that first -
 * the map gives the ptl, the pte_lockptr() statement goes - and then adds the recheck. (The rule, which counts a
 * recheck only under the map's own ptl, is right there.)
 *
 * <p>
 * A warning on a call of a path of the same file (the rule reports at the outermost line of the file that leads to
 * the write) is fixed in that path, at each PTE write through a pointer it maps. Where some write cannot be fixed
 * this way (a pointer from a map this fix does not know, such as pte_offset_map_lock_pre65(); a ptl not taken between
 * the map and the write; a write whose result is kept) there is no fix: never one that leaves the warning.
 */
public final class RecheckFix {
	/** Replace length characters at offset by text. */
	public record Edit(int offset, int length, String text) {
		public String applyTo(String source) {
			return source.substring(0, offset) + text + source.substring(offset + length);
		}
	}

	/** The library's and the prelude's PTE writers (those tagged @writes_pte, and helpers that call one). */
	private static final Set<String> WRITERS = Set.of("set_pte_at", "set_ptes", "pte_clear", "ptep_get_and_clear",
			"ptep_set_access_flags", "ptep_set_wrprotect", "ptep_clear_flush", "map_page_pte");
	private static final Pattern CALL_STMT = Pattern.compile("(\\w+)\\s*\\(\\s*(\\w+)\\s*[,)][^;]*;");
	private static final Pattern BODY_START = Pattern
			.compile("\\b(?:path|prim)\\s+(\\w+)\\s*\\([^)]*\\)\\s*(?::\\s*[^{;]+)?\\{");
	private static final Pattern WRITES_TAG = Pattern.compile("@writes_pte\\([^)]*\\)[^;{]*?\\bprim\\s+(\\w+)");

	private RecheckFix() {
	}

	/**
	 * @param start the start of the flagged statement (the problem's offset)
	 * @return the edit, or empty if there is no fix this can make there
	 */
	public static Optional<Edit> at(String text, int start) {
		if (start < 0 || start >= text.length()) {
			return Optional.empty();
		}
		// the code without its comments and strings (blanked, so that offsets stay): a map or a pte_lockptr() in a
		// comment is no code to change
		String source = mask(text);
		Matcher m = CALL_STMT.matcher(source).region(start, source.length());
		if (!m.lookingAt()) {
			return Optional.empty();
		}
		Body body = enclosing(source, start);
		if (body == null) {
			return Optional.empty();
		}
		Set<String> writers = writers(text);
		List<Edit> edits = new ArrayList<>();
		boolean ok;
		if (!maps(source, body, m.group(2), start).isEmpty()) {
			ok = fixWrite(source, body, start, m.end(), m.group(2), edits);
		} else {
			// a call of a path of this file that leads to the write: fix its writes
			Body callee = path(source, m.group(1));
			ok = callee != null && fixCallee(source, callee, writers, edits, new LinkedHashSet<>());
		}
		if (!ok || edits.isEmpty()) {
			return Optional.empty();
		}
		// the statements guarded, as they are written (with their comments)
		List<Edit> real = new ArrayList<>();
		for (Edit e : edits) {
			String code = source.substring(e.offset(), e.offset() + e.length());
			int in = e.length() == 0 ? -1 : e.text().indexOf(code);
			real.add(in < 0 ? e
					: new Edit(e.offset(), e.length(), e.text().substring(0, in)
							+ text.substring(e.offset(), e.offset() + e.length())
							+ e.text().substring(in + code.length())));
		}
		return Optional.ofNullable(combine(text, real));
	}

	/** The text with its comments and string literals blanked (newlines kept). */
	private static String mask(String s) {
		StringBuilder sb = new StringBuilder(s);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			int end = -1;
			if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
				end = s.indexOf('\n', i);
				end = end < 0 ? s.length() : end;
			} else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
				end = s.indexOf("*/", i + 2);
				end = end < 0 ? s.length() : end + 2;
			} else if (c == '"') {
				end = s.indexOf('"', i + 1);
				end = end < 0 ? s.length() : end + 1;
			}
			if (end > i) {
				for (int j = i; j < end; j++) {
					if (sb.charAt(j) != '\n') {
						sb.setCharAt(j, ' ');
					}
				}
				i = end - 1;
			}
		}
		return sb.toString();
	}

	/** A path's or primitive's body: from after its '{' to its '}'. */
	private record Body(String name, int open, int close) {
	}

	private static Body enclosing(String source, int offset) {
		Body found = null;
		Matcher b = BODY_START.matcher(source);
		while (b.find() && b.end() <= offset) {
			int close = matching(source, b.end() - 1);
			if (close > offset) {
				found = new Body(b.group(1), b.end(), close);
			}
		}
		return found;
	}

	private static Body path(String source, String name) {
		Matcher b = Pattern.compile("\\bpath\\s+" + Pattern.quote(name) + "\\s*\\([^)]*\\)\\s*\\{").matcher(source);
		if (!b.find()) {
			return null;
		}
		int close = matching(source, b.end() - 1);
		return close < 0 ? null : new Body(name, b.end(), close);
	}

	/** The '}' that closes the '{' at open, skipping comments and strings; -1 if none. */
	private static int matching(String s, int open) {
		int depth = 0;
		for (int i = open; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
				int nl = s.indexOf('\n', i);
				i = nl < 0 ? s.length() : nl;
			} else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
				int end = s.indexOf("*/", i + 2);
				i = end < 0 ? s.length() : end + 1;
			} else if (c == '"') {
				int end = s.indexOf('"', i + 1);
				i = end < 0 ? s.length() : end;
			} else if (c == '{') {
				depth++;
			} else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	private static Set<String> writers(String source) {
		Set<String> w = new java.util.HashSet<>(WRITERS);
		Matcher t = WRITES_TAG.matcher(source);
		while (t.find()) {
			w.add(t.group(1));
		}
		return w;
	}

	/** An assignment 'p = map(args);' of a pointer in a body. */
	private record Map(int start, int end, String callee, List<String> args, int argsStart, int argsEnd) {
	}

	private static List<Map> maps(String source, Body body, String pointer, int before) {
		List<Map> out = new ArrayList<>();
		Matcher a = Pattern.compile("\\b" + Pattern.quote(pointer) + "\\s*=\\s*(\\w+)\\s*\\(").matcher(source)
				.region(body.open(), Math.min(before, body.close()));
		while (a.find()) {
			int close = closeParen(source, a.end() - 1);
			if (close < 0 || !a.group(1).startsWith("pte_offset_map")) {
				continue;
			}
			int semi = source.indexOf(';', close);
			if (semi < 0 || !source.substring(close + 1, semi).isBlank()) {
				continue;
			}
			out.add(new Map(a.start(), semi + 1, a.group(1), args(source.substring(a.end(), close)), a.end(), close));
		}
		return out;
	}

	private static int closeParen(String s, int open) {
		int depth = 0;
		for (int i = open; i < s.length(); i++) {
			if (s.charAt(i) == '(') {
				depth++;
			} else if (s.charAt(i) == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> args(String text) {
		List<String> out = new ArrayList<>();
		int depth = 0;
		int from = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '(' || c == '{' || c == '[') {
				depth++;
			} else if (c == ')' || c == '}' || c == ']') {
				depth--;
			} else if (c == ',' && depth == 0) {
				out.add(text.substring(from, i).strip());
				from = i + 1;
			}
		}
		if (!text.isBlank()) {
			out.add(text.substring(from).strip());
		}
		return out;
	}

	/** Fix the writes of a path of this file (and of the paths of this file it calls). */
	private static boolean fixCallee(String source, Body callee, Set<String> writers, List<Edit> edits,
			Set<String> seen) {
		if (!seen.add(callee.name())) {
			return true;
		}
		Matcher c = Pattern
				.compile("(?m)^[ \\t]*(?!(?:if|while|for|switch|return|else|do|since|atomic|either|or)\\b)"
						+ "(?:(\\w+)\\s*=\\s*)?((\\w+)\\s*\\(\\s*(\\w+)?[^;]*;)")
				.matcher(source)
				.region(callee.open(), callee.close());
		boolean any = false;
		while (c.find()) {
			String name = c.group(3);
			String first = c.group(4);
			if (writers.contains(name) && first != null && !maps(source, callee, first, c.start(2)).isEmpty()) {
				if (c.group(1) != null || !fixWrite(source, callee, c.start(2), c.end(2), first, edits)) {
					return false; // a write whose result is kept, or that this cannot fix
				}
				any = true;
			} else if (c.group(1) == null && path(source, name) instanceof Body inner && !inner.name().equals(callee.name())) {
				int before = edits.size();
				if (!fixCallee(source, inner, writers, edits, seen)) {
					return false;
				}
				any |= edits.size() > before;
			}
		}
		return any;
	}

	/**
	 * The edits that make the write statement [start, end) through pointer a rechecked one: the guard, and for a
	 * ptl recomputed by pte_lockptr(), the ptl from the map. False if this cannot fix it.
	 */
	private static boolean fixWrite(String source, Body body, int start, int end, String pointer, List<Edit> edits) {
		List<Map> maps = maps(source, body, pointer, start);
		Map last = maps.get(maps.size() - 1);
		String guard;
		String ptl;
		List<Edit> mine = new ArrayList<>();
		boolean prelude = last.callee().equals("pte_offset_map_nolock") && last.args().size() == 2
				|| last.callee().equals("pte_offset_map") && last.args().size() == 1;
		if (prelude) {
			// specs/prelude.ptl: pte_offset_map_nolock(s, &ptl), pmd_same(p)
			guard = "pmd_same(" + pointer + ")";
			ptl = ptlOf(source, body, maps, last, start, mine, false, null);
		} else if (last.callee().equals("pte_offset_map_rw_nolock") && last.args().size() == 4
				&& last.args().get(2).startsWith("&")) {
			guard = "pmd_same(" + last.args().get(2).substring(1).strip() + ", pmdp_get_lockless(" + last.args().get(0)
					+ "))";
			ptl = last.args().get(3).startsWith("&") ? last.args().get(3).substring(1).strip() : null;
			for (Map other : maps) {
				if (other != last && !other.callee().equals("pte_offset_map_rw_nolock")) {
					return false; // another map of the pointer that gives no value to recheck against
				}
			}
		} else if (last.callee().equals("pte_offset_map_nolock") && last.args().size() == 3
				|| last.callee().equals("pte_offset_map") && last.args().size() == 2) {
			// specs/lib/pgtable.ptl: give the map the PMD value it reads, for pmd_same(pmdval, *pmd)
			String pmdval = pmdvalFor(source, body, pointer, edits);
			guard = "pmd_same(" + pmdval + ", pmdp_get_lockless(" + last.args().get(0) + "))";
			ptl = ptlOf(source, body, maps, last, start, mine, true, pmdval);
			if (ptl != null) {
				int line = source.indexOf('\n', body.open());
				if (line < 0 || line >= body.close()) {
					return false;
				}
				String indent = indentAt(source, line + 1);
				mine.add(new Edit(line + 1, 0, (indent.isEmpty() ? "\t" : indent) + "var " + pmdval + ": Pmd;\n"));
			}
		} else {
			return false;
		}
		if (ptl == null || !locks(source, last.end(), start, ptl)) {
			return false; // no ptl taken between the map and the write: a recheck there would not count
		}
		String stmt = source.substring(start, end);
		String indent = indentAt(source, source.lastIndexOf('\n', start - 1) + 1);
		String guarded = "if (" + guard + ")\n" + indent + "\t" + stmt;
		if (source.substring(end).stripLeading().matches("(?s)else\\b.*")) {
			guarded = "{ " + guarded + " }"; // the guard must not take the else of an 'if' the write is the body of
		}
		mine.add(new Edit(start, end - start, guarded));
		for (Edit e : mine) {
			if (!edits.contains(e)) {
				edits.add(e);
			}
		}
		return true;
	}

	/**
	 * The ptl of the pointer: the map's out-parameter, or, where the code computes it again with
	 * {@code ptl = pte_lockptr(...)} after a pte_offset_map(), that variable, made the map's out-parameter (the
	 * pte_lockptr() statement removed). Every map of the pointer in the body is made to give the ptl (and, for the
	 * library, the PMD value). Null if the ptl cannot be found.
	 */
	private static String ptlOf(String source, Body body, List<Map> maps, Map last, int write, List<Edit> edits,
			boolean library, String pmdval) {
		String ptl;
		String nolock = library ? "pte_offset_map_rw_nolock" : "pte_offset_map_nolock";
		if (last.callee().equals("pte_offset_map_nolock")) {
			String out = last.args().get(last.args().size() - 1);
			if (!out.startsWith("&")) {
				return null;
			}
			ptl = out.substring(1).strip();
		} else {
			// ptl = pte_lockptr(s); after the map, before the write: the second read of the PMD entry
			Matcher l = Pattern.compile("(?m)^[ \\t]*(\\w+)\\s*=\\s*pte_lockptr\\s*\\([^;]*\\)\\s*;[ \\t]*\\n?")
					.matcher(source).region(last.end(), write);
			if (!l.find()) {
				return null;
			}
			ptl = l.group(1);
			edits.add(new Edit(l.start(), l.end() - l.start(), ""));
		}
		for (Map m : maps) {
			String base = m.callee().equals("pte_offset_map") ? String.join(", ", m.args())
					: m.callee().equals("pte_offset_map_nolock")
							? String.join(", ", m.args().subList(0, m.args().size() - 1))
							: null;
			if (base == null) {
				return null;
			}
			if (m.callee().equals("pte_offset_map_nolock") && !m.args().get(m.args().size() - 1).equals("&" + ptl)) {
				return null; // another map of the pointer with another ptl
			}
			String call = nolock + "(" + base + (library ? ", &" + pmdval : "") + ", &" + ptl + ")";
			int callStart = source.lastIndexOf(m.callee(), m.argsStart());
			if (!library && m.callee().equals("pte_offset_map_nolock")) {
				continue; // already the prelude's nolock map
			}
			edits.add(new Edit(callStart, m.argsEnd() + 1 - callStart, call));
		}
		return ptl;
	}

	/** Whether the ptl is taken (spin_lock(), spin_lock_nested()) between from and to. */
	private static boolean locks(String source, int from, int to, String ptl) {
		return Pattern.compile("\\bspin_lock(?:_nested)?\\s*\\(\\s*" + Pattern.quote(ptl) + "\\s*[,)]").matcher(source)
				.region(from, to).find();
	}

	/**
	 * The name of the PMD value the map of this pointer is made to give: 'pmdval', or the name already chosen for
	 * it by an edit made for another write through it, or a name not used in the body.
	 */
	private static String pmdvalFor(String source, Body body, String pointer, List<Edit> edits) {
		String text = source.substring(body.open(), body.close());
		Pattern mine = Pattern.compile("^pte_offset_map_rw_nolock\\(.*, &(\\w+), &\\w+\\)$");
		Set<String> taken = new java.util.HashSet<>();
		for (Edit e : edits) {
			Matcher m = mine.matcher(e.text());
			if (e.offset() > body.open() && e.offset() < body.close() && m.matches()) {
				String before = source.substring(body.open(), e.offset());
				if (Pattern.compile("\\b" + Pattern.quote(pointer) + "\\s*=\\s*$").matcher(before).find()) {
					return m.group(1);
				}
				taken.add(m.group(1));
			}
		}
		String n = "pmdval";
		for (int i = 2; taken.contains(n) || Pattern.compile("\\b" + n + "\\b").matcher(text).find(); i++) {
			n = "pmdval" + i;
		}
		return n;
	}

	private static String indentAt(String source, int lineStart) {
		int i = lineStart;
		while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
			i++;
		}
		return source.substring(lineStart, i);
	}

	/** The edits (non-overlapping) as one replacement of the text from the first to the end of the last. */
	private static Edit combine(String source, List<Edit> edits) {
		List<Edit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparingInt(Edit::offset));
		int from = sorted.get(0).offset();
		int to = from;
		StringBuilder sb = new StringBuilder();
		for (Edit e : sorted) {
			if (e.offset() < to) {
				return null; // two fixes that touch the same text: none
			}
			sb.append(source, to, e.offset()).append(e.text());
			to = e.offset() + e.length();
		}
		return new Edit(from, to - from, sb.toString());
	}
}
