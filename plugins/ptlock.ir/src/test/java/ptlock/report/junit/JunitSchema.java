package ptlock.report.junit;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/** Validates documents against the Jenkins xunit plugin's junit-10.xsd (see src/test/resources/junit/README.md). */
final class JunitSchema {
	private final Schema schema;

	JunitSchema() throws SAXException {
		URL xsd = JunitSchema.class.getResource("/junit/junit-10.xsd");
		if (xsd == null) {
			throw new IllegalStateException("test resource /junit/junit-10.xsd is missing");
		}
		schema = SchemaFactory.newDefaultInstance().newSchema(xsd);
	}

	/** Throws SAXException, naming line and column, if xml is not a valid JUnit report. */
	void validate(String xml) throws SAXException, IOException {
		var validator = schema.newValidator();
		// the documents are ours: no DTDs or external entities to resolve
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		validator.validate(new StreamSource(new StringReader(xml)));
	}
}
