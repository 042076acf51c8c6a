package ptlock.report.sarif;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The official SARIF 2.1.0 JSON schema (OASIS, Committee Specification 01; a draft-07 schema), shipped as test data
 * in src/test/resources/sarif: the tests run offline.
 */
final class SarifSchema {
	static final String RESOURCE = "/sarif/sarif-schema-2.1.0.json";

	private final Schema schema;

	SarifSchema() {
		schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text());
	}

	static String text() {
		try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("no " + RESOURCE + " on the test class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What makes the document invalid SARIF; empty when it is valid. */
	List<String> errors(String json) {
		return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
	}
}
