package ptlock.lang.ide.folding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import ptlock.lang.ide.highlight.Token;
import ptlock.lang.ide.highlight.TokenKind;
import ptlock.lang.ide.highlight.Tokenizer;

/**
 * What an editor can fold in a .ptl text: every brace block (paths, primitives, scenarios, structs, and the blocks
 * inside them) and every comment that spans lines, each from the start of its first line to the end of its last.
 * Braces inside comments and strings do not count (the grammar's lexer tells them apart).
 */
public final class FoldingRegions {
	/** Characters [offset, offset + length) fold into the first line. */
	public record Region(int offset, int length) {
	}

	private final Tokenizer tokenizer = new Tokenizer();

	public List<Region> of(String text) {
		List<Region> out = new ArrayList<>();
		Deque<Integer> open = new ArrayDeque<>();
		for (Token t : tokenizer.tokens(text)) {
			if (t.kind() == TokenKind.PUNCTUATION && t.length() == 1 && text.charAt(t.offset()) == '{') {
				open.push(t.offset());
			} else if (t.kind() == TokenKind.PUNCTUATION && t.length() == 1 && text.charAt(t.offset()) == '}'
					&& !open.isEmpty()) {
				add(text, open.pop(), t.offset() + 1, out);
			} else if (t.kind() == TokenKind.COMMENT) {
				add(text, t.offset(), t.offset() + t.length(), out);
			}
		}
		out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
		return out;
	}

	/** Adds the lines from..to if they are more than one. */
	private static void add(String text, int from, int to, List<Region> out) {
		int start = text.lastIndexOf('\n', from - 1) + 1;
		int end = text.indexOf('\n', Math.max(from, to - 1));
		end = end < 0 ? text.length() : end + 1;
		if (text.substring(start, Math.min(end, text.length())).strip().contains("\n")) {
			out.add(new Region(start, end - start));
		}
	}
}
