package ptlock.ui.editor;

import ptlock.lang.ide.highlight.SemanticNames;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

import ptlock.lang.ide.highlight.TokenKind;

/** The style of each token kind (colours as Eclipse's Java editor uses them, so they read familiar). */
public final class TokenStyles {
	public static final RGB KEYWORD = new RGB(127, 0, 85);
	public static final RGB COMMENT = new RGB(63, 127, 95);
	public static final RGB STRING = new RGB(42, 0, 255);
	public static final RGB NUMBER = new RGB(125, 125, 125);
	/** code paths, primitives, lock primitives, properties (semantic: known once the spec is parsed) */
	public static final RGB PATH = new RGB(0, 110, 130);
	public static final RGB PRIMITIVE = new RGB(0, 60, 190);
	public static final RGB LOCK = new RGB(200, 80, 0);
	public static final RGB PROPERTY = new RGB(170, 0, 40);

	private final IToken keyword = token(KEYWORD, SWT.BOLD);
	private final IToken comment = token(COMMENT, SWT.NORMAL);
	private final IToken string = token(STRING, SWT.NORMAL);
	private final IToken number = token(NUMBER, SWT.NORMAL);
	private final IToken plain = new Token(null);
	private final IToken path = token(PATH, SWT.NORMAL);
	private final IToken primitive = token(PRIMITIVE, SWT.NORMAL);
	private final IToken lock = token(LOCK, SWT.BOLD);
	private final IToken property = token(PROPERTY, SWT.ITALIC);

	IToken token(SemanticNames.Kind kind) {
		return switch (kind) {
		case PATH -> path;
		case PRIMITIVE -> primitive;
		case LOCK -> lock;
		case PROPERTY -> property;
		};
	}

	IToken token(TokenKind kind) {
		return switch (kind) {
		case KEYWORD -> keyword;
		case COMMENT -> comment;
		case STRING -> string;
		case NUMBER -> number;
		default -> plain;
		};
	}

	IToken plain() {
		return plain;
	}

	private static IToken token(RGB rgb, int style) {
		return new Token(new TextAttribute(new Color(rgb), null, style));
	}
}
