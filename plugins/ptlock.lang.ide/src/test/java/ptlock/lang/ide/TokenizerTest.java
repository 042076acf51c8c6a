package ptlock.lang.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ptlock.lang.ide.highlight.Token;
import ptlock.lang.ide.highlight.TokenKind;
import ptlock.lang.ide.highlight.Tokenizer;

class TokenizerTest {
	private static TokenKind kindAt(List<Token> tokens, int offset) {
		return tokens.stream().filter(t -> t.offset() <= offset && offset < t.offset() + t.length()).findFirst()
				.map(Token::kind).orElse(null);
	}

	@Test
	void classifiesTheGrammarsTokens() {
		String text = "spec s; // note\nconst N = 42;\nproperty p \"doc\";\n/* a\nb */ path f() { atomic { x = 1; } }";
		List<Token> t = new Tokenizer().tokens(text);
		assertEquals(TokenKind.KEYWORD, kindAt(t, text.indexOf("spec")));
		assertEquals(TokenKind.IDENTIFIER, kindAt(t, text.indexOf(" s;") + 1));
		assertEquals(TokenKind.COMMENT, kindAt(t, text.indexOf("note")));
		assertEquals(TokenKind.KEYWORD, kindAt(t, text.indexOf("const")));
		assertEquals(TokenKind.NUMBER, kindAt(t, text.indexOf("42")));
		assertEquals(TokenKind.STRING, kindAt(t, text.indexOf("doc")));
		assertEquals(TokenKind.COMMENT, kindAt(t, text.indexOf("b */")));
		assertEquals(TokenKind.KEYWORD, kindAt(t, text.indexOf("atomic")));
		assertEquals(TokenKind.PUNCTUATION, kindAt(t, text.indexOf("=")));
		assertEquals(null, kindAt(t, text.indexOf(" N")), "whitespace is no token");
	}

	@Test
	void unterminatedCommentDoesNotThrow() {
		List<Token> t = new Tokenizer().tokens("spec s; /* open");
		assertEquals(TokenKind.KEYWORD, t.get(0).kind());
	}
}
