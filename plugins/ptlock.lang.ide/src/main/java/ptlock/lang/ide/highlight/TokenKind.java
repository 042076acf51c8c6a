package ptlock.lang.ide.highlight;

/** Lexical classes of the language's tokens, for highlighting (stable names: editors map them to styles). */
public enum TokenKind {
	KEYWORD, COMMENT, STRING, NUMBER, IDENTIFIER, PUNCTUATION
}
