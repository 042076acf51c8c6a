package ptlock.ui.editor;

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

	private final IToken keyword = token(KEYWORD, SWT.BOLD);
	private final IToken comment = token(COMMENT, SWT.NORMAL);
	private final IToken string = token(STRING, SWT.NORMAL);
	private final IToken number = token(NUMBER, SWT.NORMAL);
	private final IToken plain = new Token(null);

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
