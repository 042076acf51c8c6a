package ptlock.lang.ide.highlight;

import java.util.ArrayList;
import java.util.List;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;

import ptlock.lang.parser.antlr.internal.InternalPtlockLexer;

/**
 * Splits a .ptl text into highlighted tokens with the lexer generated from the grammar, so that highlighting knows
 * exactly the keywords, comments and literals the parser knows. Whitespace is skipped.
 */
public final class Tokenizer {

	public List<Token> tokens(String text) {
		List<Token> out = new ArrayList<>();
		InternalPtlockLexer lexer = new InternalPtlockLexer(new ANTLRStringStream(text));
		while (true) {
			CommonToken t = (CommonToken) lexer.nextToken();
			if (t.getType() == org.antlr.runtime.Token.EOF) {
				break;
			}
			int start = t.getStartIndex();
			int length = t.getStopIndex() - start + 1;
			if (length <= 0 || t.getType() == InternalPtlockLexer.RULE_WS) {
				continue;
			}
			out.add(new Token(start, length, kind(t)));
		}
		return out;
	}

	static TokenKind kind(CommonToken t) {
		return switch (t.getType()) {
		case InternalPtlockLexer.RULE_ML_COMMENT, InternalPtlockLexer.RULE_SL_COMMENT -> TokenKind.COMMENT;
		case InternalPtlockLexer.RULE_STRING -> TokenKind.STRING;
		case InternalPtlockLexer.RULE_INT -> TokenKind.NUMBER;
		case InternalPtlockLexer.RULE_ID -> TokenKind.IDENTIFIER;
		default -> {
			String text = t.getText();
			// every other token is a keyword or an operator of the grammar
			yield text != null && !text.isEmpty() && Character.isLetter(text.charAt(0)) ? TokenKind.KEYWORD
					: TokenKind.PUNCTUATION;
		}
		};
	}
}
