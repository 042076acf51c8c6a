package ptlock.report.junit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads a written report back, so tests assert on what a CI server would see rather than on the text. */
final class JunitDom {
	private JunitDom() {
	}

	static Document parse(String xml) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static List<Element> elements(Document d, String tag) {
		NodeList nodes = d.getElementsByTagName(tag);
		List<Element> out = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			out.add((Element) nodes.item(i));
		}
		return out;
	}

	/** The testcase whose name is name. */
	static Element testcase(Document d, String name) {
		return elements(d, "testcase").stream().filter(e -> e.getAttribute("name").equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no testcase " + name));
	}

	/** The only child element of e with the tag, or null. */
	static Element child(Element e, String tag) {
		NodeList nodes = e.getElementsByTagName(tag);
		return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
	}
}
