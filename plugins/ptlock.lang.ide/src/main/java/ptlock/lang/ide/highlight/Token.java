package ptlock.lang.ide.highlight;

/** A token of a .ptl text: its offset, length and lexical class. */
public record Token(int offset, int length, TokenKind kind) {
}
