package ptlock.ui.editor;

import ptlock.lang.ide.highlight.SemanticNames;
import ptlock.lang.ide.highlight.TokenKind;
import ptlock.ui.PtlockUiPlugin;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;

import ptlock.lang.ide.highlight.Tokenizer;

/** Feeds the presentation reconciler the language's own tokens; characters between tokens get the plain style. */
final class PtlockTokenScanner implements ITokenScanner {
	private final Tokenizer tokenizer;
	private final TokenStyles styles = new TokenStyles();
	private List<ptlock.lang.ide.highlight.Token> tokens = List.of();
	private int index;
	private int position;
	private int end;
	private int tokenOffset;
	private int tokenLength;
	private String text = "";
	private java.util.Map<String, SemanticNames.Kind> names = java.util.Map.of();

	PtlockTokenScanner(Tokenizer tokenizer) {
		this.tokenizer = tokenizer;
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		// the whole text is lexed (specs are small) so that a comment opened above the range is seen
		text = document.get();
		tokens = tokenizer.tokens(text);
		names = PtlockUiPlugin.services().semanticNames(document);
		position = offset;
		end = offset + length;
		index = 0;
		while (index < tokens.size() && tokens.get(index).offset() + tokens.get(index).length() <= offset) {
			index++;
		}
	}

	@Override
	public IToken nextToken() {
		if (position >= end) {
			return Token.EOF;
		}
		tokenOffset = position;
		if (index < tokens.size()) {
			ptlock.lang.ide.highlight.Token t = tokens.get(index);
			if (t.offset() <= position) {
				int stop = Math.min(end, t.offset() + t.length());
				tokenLength = stop - position;
				position = stop;
				index++;
				if (t.kind() == TokenKind.IDENTIFIER) {
					SemanticNames.Kind k = names.get(text.substring(t.offset(), t.offset() + t.length()));
					if (k != null) {
						return styles.token(k);
					}
				}
				return styles.token(t.kind());
			}
			int stop = Math.min(end, t.offset());
			tokenLength = stop - position;
			position = stop;
			return styles.plain();
		}
		tokenLength = end - position;
		position = end;
		return styles.plain();
	}

	@Override
	public int getTokenOffset() {
		return tokenOffset;
	}

	@Override
	public int getTokenLength() {
		return tokenLength;
	}
}
